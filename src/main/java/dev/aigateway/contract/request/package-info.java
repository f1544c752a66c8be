/**
 * The application's own requests, read from files the user has at hand: {@link
 * dev.aigateway.contract.request.ApplicationRequests} names them ({@code -Drequest=FILE[#N]}, else the
 * environment's {@code requests:}) and {@link dev.aigateway.contract.request.RequestFile} reads each into an
 * {@link dev.aigateway.contract.request.ApplicationRequest}: method, path and query, headers and body, sent at the
 * environment's {@code baseUrl} with the environment's credential. Its {@code secrets()} reach the redactor and the
 * secret scan before anything is written; the summary shows its {@code replaced()} notes and the host its file named.
 */
package dev.aigateway.contract.request;
