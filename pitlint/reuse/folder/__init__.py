"""The folder index, one job a module; `pitlint.reuse.index` is its public face and says what an
index folder holds."""
