package dev.aigateway.contract.request;

import dev.aigateway.contract.environment.Environment;
import dev.aigateway.contract.environment.Environment.Secret;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/**
 * The application's own requests a run sends, each as a scenario of
 * {@code features/request/application-request.feature}: {@code -Drequest=FILE[#N]} when given, else the
 * environment's {@code requests:}; files relative to the project root. Every step that handles them
 * (the environment check, the suite, the finishing step's secret scan) reads the same list here.
 */
public final class ApplicationRequests {

    /** The system property {@code -Drequest} sets. */
    public static final String PROPERTY = "request";
    /** The feature's tag; {@code @application-request-N} tags its N-th scenario. */
    public static final String TAG = "@application-request";
    /** Scenarios the feature has, one per request. */
    public static final int MOST = 5;

    private ApplicationRequests() {}

    /** The files as given: {@code request} (-Drequest) when it is set, else the environment's {@code requests:}. */
    public static List<String> named(Environment environment, String request) {
        if (request != null && !request.isBlank()) {
            return List.of(request.strip());
        }
        return environment.requests();
    }

    /**
     * Each of {@code named} read from {@code root}, in order: a file that cannot be read, or more than
     * {@value #MOST}, is a {@link RequestFileException} with one sentence.
     */
    public static List<ApplicationRequest> read(Path root, List<String> named) {
        if (named.size() > MOST) {
            throw new RequestFileException("requests: names " + named.size() + " request files; a run sends at most " + MOST
                    + " of the application's requests. List the ones that fail, or run them in turns with -Drequest=FILE.");
        }
        List<ApplicationRequest> requests = new ArrayList<>();
        for (String file : named) {
            requests.add(RequestFile.readFrom(root, file));
        }
        return List.copyOf(requests);
    }

    /** Every literal credential the requests' files held: to redact everywhere and to scan for. */
    public static List<Secret> secrets(List<ApplicationRequest> requests) {
        return requests.stream().flatMap(request -> request.secrets().stream()).toList();
    }

    /**
     * {@code expression} (the run's tag expression) keeping the feature's first {@code count} scenarios
     * and leaving out the rest: with no request, the whole feature.
     */
    public static String tagExpression(int count, String expression) {
        String leftOut = count <= 0 ? "not " + TAG : IntStream.rangeClosed(count + 1, MOST)
                .mapToObj(slot -> "not " + TAG + "-" + slot).collect(Collectors.joining(" and "));
        if (leftOut.isEmpty()) {
            return expression;
        }
        return expression == null || expression.isBlank() ? leftOut : "(" + expression + ") and " + leftOut;
    }
}
