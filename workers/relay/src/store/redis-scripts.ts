/**
 * Lua scripts for the Redis store. Redis runs a script alone, start to end, so every
 * check-then-change below is atomic across any number of relay instances.
 *
 * Share hash fields: token, exp (epoch s), created, pass, rem (absent without passcode),
 * max (absent without a use limit), uses, n (file count at creation), files (JSON
 * FileMeta[], '[]' once purged), active (epoch ms of the last attempt or open), pending
 * (files not yet stored; absent in shares stored before uploads were separate: 0),
 * u (uploads begun), f<index> (1 once that file is stored), rt (reply token hash, set at
 * creation), rn (replies ever stored), ru (replies begun). A share's replies: the hash
 * `<share>:r` (reply id -> JSON {id, at, length}) and one string `<share>:r:<reply id>`
 * each, expiring with the share; a reply still arriving is the string `<share>:rp:<n>`
 * (n: its number among the replies begun), APPENDed to, then RENAMEd once whole.
 *
 * Keys derived inside a script from the share key (files, uploads) carry its hash tag,
 * so they live in the same slot.
 */

/**
 * KEYS: share hash. ARGV: file index, now ms. Starts an upload of a file of a pending,
 * unexpired share: returns {upload number, files JSON, exp, created}, or -1.
 */
export const BEGIN_UPLOAD = `
local v = redis.call('HMGET', KEYS[1], 'exp', 'pending', 'n', 'files', 'created')
if not v[1] or not v[2] or tonumber(v[2]) <= 0 then return -1 end
if tonumber(v[1]) * 1000 <= tonumber(ARGV[2]) then return -1 end
if tonumber(ARGV[1]) >= tonumber(v[3]) then return -1 end
local u = redis.call('HINCRBY', KEYS[1], 'u', 1)
return {u, v[4], v[1], v[5]}
`;

/**
 * KEYS: share hash, upload key. ARGV: bytes, expiry of the upload key (epoch ms).
 * Appends to the upload while the share is pending; returns the new length, or -1.
 */
export const APPEND_UPLOAD = `
local p = redis.call('HGET', KEYS[1], 'pending')
if not p or tonumber(p) <= 0 then return -1 end
local n = redis.call('APPEND', KEYS[2], ARGV[1])
redis.call('PEXPIREAT', KEYS[2], ARGV[2])
return n
`;

/**
 * KEYS: share hash, upload key, file key, expiry set. ARGV: length, file index, id, file
 * key prefix. Makes a whole upload the file (RENAME over an earlier one) while the share
 * is pending; when it was the last file, every key of the share expires at the share's
 * expiry from now on. Returns the files still pending, or -1 (nothing changed).
 */
export const COMMIT_UPLOAD = `
local v = redis.call('HMGET', KEYS[1], 'pending', 'exp', 'n')
if not v[1] or tonumber(v[1]) <= 0 then return -1 end
if redis.call('STRLEN', KEYS[2]) ~= tonumber(ARGV[1]) then return -1 end
local first = redis.call('HSETNX', KEYS[1], 'f' .. ARGV[2], 1)
redis.call('RENAME', KEYS[2], KEYS[3])
local pending = tonumber(v[1])
if first == 1 then pending = redis.call('HINCRBY', KEYS[1], 'pending', -1) end
if pending == 0 then
  local expMs = tonumber(v[2]) * 1000
  redis.call('PEXPIREAT', KEYS[1], expMs)
  for i = 0, tonumber(v[3]) - 1 do redis.call('PEXPIREAT', ARGV[4] .. i, expMs) end
  redis.call('ZADD', KEYS[4], expMs, ARGV[3])
end
return pending
`;

/** KEYS: share hash, dead set. ARGV: now ms, id. Returns attempts left after taking, or -1. */
export const TAKE_ATTEMPT = `
local v = redis.call('HMGET', KEYS[1], 'exp', 'rem')
if not v[1] or not v[2] then return -1 end
if tonumber(v[1]) * 1000 <= tonumber(ARGV[1]) then return -1 end
if tonumber(v[2]) <= 0 then return -1 end
local left = redis.call('HINCRBY', KEYS[1], 'rem', -1)
redis.call('HSET', KEYS[1], 'active', ARGV[1])
if left == 0 then redis.call('ZADD', KEYS[2], ARGV[1], ARGV[2]) end
return left
`;

/** KEYS: share hash, dead set. ARGV: id. Gives back one attempt; the share is alive again. */
export const RETURN_ATTEMPT = `
local v = redis.call('HMGET', KEYS[1], 'rem', 'max', 'uses')
if not v[1] then return 0 end
redis.call('HINCRBY', KEYS[1], 'rem', 1)
if not v[2] or tonumber(v[3]) < tonumber(v[2]) then redis.call('ZREM', KEYS[2], ARGV[1]) end
return 1
`;

/**
 * KEYS: share hash, access list, dead set. ARGV: now ms, access JSON, access log size, id.
 * Returns 1 when the open was counted, 0 when the share is absent, pending, expired, purged
 * or used up.
 */
export const RECORD_USE = `
local v = redis.call('HMGET', KEYS[1], 'exp', 'max', 'uses', 'files', 'pending')
if not v[1] then return 0 end
local expMs = tonumber(v[1]) * 1000
if expMs <= tonumber(ARGV[1]) then return 0 end
if v[4] == '[]' then return 0 end
if v[5] and tonumber(v[5]) > 0 then return 0 end
if v[2] and tonumber(v[3]) >= tonumber(v[2]) then return 0 end
local uses = redis.call('HINCRBY', KEYS[1], 'uses', 1)
redis.call('HSET', KEYS[1], 'active', ARGV[1])
redis.call('RPUSH', KEYS[2], ARGV[2])
redis.call('LTRIM', KEYS[2], -tonumber(ARGV[3]), -1)
redis.call('PEXPIREAT', KEYS[2], expMs)
if v[2] and uses >= tonumber(v[2]) then redis.call('ZADD', KEYS[3], ARGV[1], ARGV[4]) end
return 1
`;

/**
 * KEYS: share hash, dead set. ARGV: id, last-activity cutoff ms, file key prefix.
 * Purges the files of a share that is still dead and idle since before the cutoff.
 * Returns 1 when files were purged. File keys are derived from the hash tag of KEYS[1],
 * so they live in the same slot.
 */
export const PURGE_DEAD = `
local v = redis.call('HMGET', KEYS[1], 'rem', 'max', 'uses', 'n', 'active', 'files')
if not v[4] then redis.call('ZREM', KEYS[2], ARGV[1]) return 0 end
local dead = (v[1] and tonumber(v[1]) <= 0) or (v[2] and tonumber(v[3]) >= tonumber(v[2]))
if not dead then redis.call('ZREM', KEYS[2], ARGV[1]) return 0 end
if tonumber(v[5]) >= tonumber(ARGV[2]) then return 0 end
redis.call('ZREM', KEYS[2], ARGV[1])
if v[6] == '[]' then return 0 end
for i = 0, tonumber(v[4]) - 1 do redis.call('DEL', ARGV[3] .. i) end
redis.call('HSET', KEYS[1], 'files', '[]')
return 1
`;

/**
 * KEYS: share hash, access list, expiry set, dead set. ARGV: id, share key. Deletes the
 * share, its files, its replies and every upload and reply of it begun so far, at once; an
 * upload or reply still arriving then finds no share and stores nothing. Returns the
 * number of keys deleted.
 */
export const REMOVE_SHARE = `
local v = redis.call('HMGET', KEYS[1], 'n', 'u', 'ru')
local deleted = redis.call('DEL', KEYS[1], KEYS[2])
for _, r in ipairs(redis.call('HKEYS', ARGV[2] .. ':r')) do
  deleted = deleted + redis.call('DEL', ARGV[2] .. ':r:' .. r)
end
deleted = deleted + redis.call('DEL', ARGV[2] .. ':r')
for i = 0, (tonumber(v[1]) or 0) - 1 do deleted = deleted + redis.call('DEL', ARGV[2] .. ':f:' .. i) end
for i = 1, (tonumber(v[2]) or 0) do deleted = deleted + redis.call('DEL', ARGV[2] .. ':u:' .. i) end
for i = 1, (tonumber(v[3]) or 0) do deleted = deleted + redis.call('DEL', ARGV[2] .. ':rp:' .. i) end
redis.call('ZREM', KEYS[3], ARGV[1])
redis.call('ZREM', KEYS[4], ARGV[1])
return deleted
`;

/**
 * Whether the share in KEYS[1] takes a reply at ARGV[1] (now ms): complete, unexpired, its
 * passcode attempts not spent. Sets expMs, or returns -1 from the script.
 */
const TAKES_REPLY = `
local v = redis.call('HMGET', KEYS[1], 'exp', 'pending', 'rem', 'rn')
if not v[1] then return -1 end
local expMs = tonumber(v[1]) * 1000
if expMs <= tonumber(ARGV[1]) then return -1 end
if v[2] and tonumber(v[2]) > 0 then return -1 end
if v[3] and tonumber(v[3]) <= 0 then return -1 end
local received = tonumber(v[4]) or 0
`;

/**
 * KEYS: share hash. ARGV: now ms, most replies. Starts a reply on a share that takes one:
 * returns {its number, the share's expiry ms}, 0 (limit reached) or -1 (no such share now).
 */
export const BEGIN_REPLY = `${TAKES_REPLY}
if received >= tonumber(ARGV[2]) then return 0 end
return {redis.call('HINCRBY', KEYS[1], 'ru', 1), expMs}
`;

/**
 * KEYS: share hash, pending reply key. ARGV: bytes, expiry of the pending key (epoch ms).
 * Appends while the share exists; returns the new length, or -1.
 */
export const APPEND_REPLY = `
if redis.call('EXISTS', KEYS[1]) == 0 then return -1 end
local n = redis.call('APPEND', KEYS[2], ARGV[1])
redis.call('PEXPIREAT', KEYS[2], ARGV[2])
return n
`;

/**
 * KEYS: share hash, reply index hash, pending reply key, reply key. ARGV: now ms, most
 * replies, reply id, length, index entry JSON. Makes a whole pending reply a stored one
 * (RENAME), counted against the lifetime limit, on a share that still takes replies;
 * everything expires with the share. Returns 1 (stored), 0 (limit reached) or -1 (no such
 * share now, or not the length received); in both last cases the pending reply is deleted.
 */
export const COMMIT_REPLY = `
local function drop(r) redis.call('DEL', KEYS[3]) return r end
local ok = (function()
${TAKES_REPLY}
  if received >= tonumber(ARGV[2]) then return 0 end
  return expMs
end)()
if ok <= 0 then return drop(ok) end
if redis.call('STRLEN', KEYS[3]) ~= tonumber(ARGV[4]) then return drop(-1) end
redis.call('HINCRBY', KEYS[1], 'rn', 1)
redis.call('RENAME', KEYS[3], KEYS[4])
redis.call('PEXPIREAT', KEYS[4], ok)
redis.call('HSET', KEYS[2], ARGV[3], ARGV[5])
redis.call('PEXPIREAT', KEYS[2], ok)
return 1
`;

/** KEYS: reply index hash, reply key. ARGV: reply id. Deletes one reply; returns 1 if it existed. */
export const REMOVE_REPLY = `
local n = redis.call('HDEL', KEYS[1], ARGV[1])
redis.call('DEL', KEYS[2])
return n
`;
