/**
 * The application's own request, read from a file the user has at hand. {@code RequestFile.read(System.getProperty("request"))} gives an
 * {@link dev.aigateway.contract.request.ApplicationRequest}: method, path and query, headers and body
 * to send at the environment's {@code baseUrl} with the environment's credential. Register its
 * {@code secrets()} with the redactor and the secret scan first; show its {@code replaced()} notes and,
 * when {@code host()} differs from the environment's, say so in the summary. Not wired into the run yet.
 */
package dev.aigateway.contract.request;
