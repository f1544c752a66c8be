package dev.aigateway.contract.http;

import java.util.ArrayList;
import java.util.List;

/** Reads an SSE body ({@code data: ...} events separated by blank lines). */
public final class ServerSentEvents {

    private ServerSentEvents() {}

    /** The data of each event, in order; multi-line data is joined with newlines. */
    public static List<String> data(String body) {
        List<String> events = new ArrayList<>();
        for (String block : body.replace("\r\n", "\n").split("\n\n")) {
            StringBuilder data = new StringBuilder();
            for (String line : block.split("\n")) {
                if (line.startsWith("data:")) {
                    if (data.length() > 0) {
                        data.append('\n');
                    }
                    data.append(line.substring(5).stripLeading());
                }
            }
            if (data.length() > 0) {
                events.add(data.toString());
            }
        }
        return events;
    }
}
