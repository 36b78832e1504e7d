"""OAI-PMH 2.0 data provider: record index (store), protocol (provider), HTTP (app)."""
