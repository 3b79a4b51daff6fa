package io.datamint.it.support;

import io.datamint.chain.deploy.DeployContracts;
import java.nio.file.Path;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The platform's contracts on the stack's anvil, deployed before the application starts, as {@code
 * ./datamint run} does: on a fresh machine {@code ./datamint test} starts an empty chain, and the
 * application reads the addresses from the file named by {@code DATAMINT_CHAIN_CONTRACTS}.
 */
final class LocalChain {

  private static final Logger LOG = Logger.getLogger(LocalChain.class.getName());

  private LocalChain() {}

  /** Deploys the contracts unless the file already names contracts on this chain (idempotent). */
  static void ensureContractsDeployed(Path root) {
    String rpc = env("DATAMINT_CHAIN_RPC", "http://127.0.0.1:8545");
    String out =
        env("DATAMINT_CHAIN_CONTRACTS", root.resolve("var/chain/contracts.json").toString());
    try {
      DeployContracts.main(new String[] {"--rpc", rpc, "--out", out});
    } catch (Exception | ExceptionInInitializerError e) {
      // the suites without the chain still run; the chain's own tests fail with the reason
      LOG.log(Level.WARNING, "could not deploy the contracts to " + rpc, e);
    }
  }

  private static String env(String name, String fallback) {
    String value = System.getenv(name);
    return value == null || value.isBlank() ? fallback : value;
  }
}
