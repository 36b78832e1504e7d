-- teikit's TEI language server in Neovim: put this in init.lua (or source it).
-- Neovim >= 0.8 uses vim.lsp.start; Debian's 0.7 falls back to start_client.
vim.api.nvim_create_autocmd("FileType", {
  pattern = "xml",
  callback = function(args)
    local file = vim.api.nvim_buf_get_name(args.buf)
    local root = vim.fn.getcwd()
    if vim.fs then -- 0.8+: the edition's folder (teikit.toml) or the repository
      local found = vim.fs.find({ "teikit.toml", ".git" }, { upward = true, path = vim.fs.dirname(file) })[1]
      if found then root = vim.fs.dirname(found) end
    end
    local config = { name = "teikit", cmd = { "teikit", "lsp" }, root_dir = root }
    if vim.lsp.start then
      vim.lsp.start(config)
    else
      local client = vim.lsp.start_client(config)
      if client then vim.lsp.buf_attach_client(args.buf, client) end
    end
  end,
})
