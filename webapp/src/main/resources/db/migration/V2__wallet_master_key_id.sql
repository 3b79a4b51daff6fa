-- Wallet keys are now wrapped like data keys (AesGcmKeyWrapper): the id of the master key that
-- wrapped each one is kept beside it, so the master key can be rotated. No release had shipped
-- before this change; wallets created by development builds before it used an earlier sealing
-- format that the wrapper does not read, and are marked with their own id so that they fail to
-- unwrap with a clear "master key not configured" error instead of a decryption error.
ALTER TABLE account ADD COLUMN wallet_key_master_id VARCHAR(64) NOT NULL DEFAULT 'pre-v2-development';
ALTER TABLE account ALTER COLUMN wallet_key_master_id DROP DEFAULT;
