package org.domainregistry.cli;

/** The command line is wrong; the message says how, for the user. */
final class CliUsageException extends RuntimeException {
  CliUsageException(String message) {
    super(message, null, false, false);
  }
}
