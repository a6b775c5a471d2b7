"""The corpus side of pitlint: issued PITs indexed so that a draft's reused, drifted and generic
wording can be found quickly.

- text.py: sentences and normalised word tokens with offsets.
- fingerprints.py: winnowed word k-gram hashes that find candidate passages.
- signatures.py: MinHash signatures (datasketch) that score near-duplicates and group variants.
- corpus.py: reading a folder of issued PITs.
- index.py: the on-disk index (SQLite + memory-mapped sorted arrays), build, add, compact, open,
  query: the public face of folder/, where each of those jobs has its module.
- shared/: the same index on a Redis server.
- store.py: the index folder's files, read as untrusted input and written atomically.
- lock.py: one writer at a time on an index folder.
- locate.py: which index a `--corpus` argument means, and the cache.
- matching.py: a draft against the index: reused passages, drift, reused fraction.
"""
