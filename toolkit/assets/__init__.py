"""Static assets of the HTML edition (edition.css, edition.js), shipped as package data."""
