package org.domainregistry.store;

import java.time.OffsetDateTime;

/**
 * One row of the audit log (README "Operating", audit log): a mutation or a refused mutation.
 *
 * @param id its id, increasing ({@code 0} before it is stored)
 * @param at when the outcome was known ({@code null} before it is stored: the database's clock)
 * @param caller who asked: {@code global_admin}, {@code admin@<domain>}, {@code bus:<address>}, a sibling's name or {@code system}
 * @param node the node that took the request
 * @param operation {@code insert}, {@code remove}, {@code request removal}, {@code enable}, {@code disable}, {@code import}
 * @param domain the domain as asked for (canonical when it was valid)
 * @param hostType the host type asked for, or null
 * @param result {@code ok} or the error code
 * @param eventId the event the write appended, or null when it appended none
 */
public record AuditRecord(long id, OffsetDateTime at, String caller, String node, String operation, String domain,
                          String hostType, String result, Long eventId) {}
