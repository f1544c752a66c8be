package dev.aigateway.contract.http;

import java.util.ArrayList;
import java.util.List;

/** Reads an SSE body ({@code event: ...} and {@code data: ...} lines, events separated by blank lines). */
public final class ServerSentEvents {

    /** One event: its name ({@code event:} line; empty when it has none) and its data. */
    public record Event(String name, String data) {}

    private ServerSentEvents() {}

    /** Every event with data, in order, with its name. */
    public static List<Event> events(String body) {
        List<Event> events = new ArrayList<>();
        for (String block : body.replace("\r\n", "\n").split("\n\n")) {
            String name = "";
            StringBuilder data = new StringBuilder();
            for (String line : block.split("\n")) {
                if (line.startsWith("event:")) {
                    name = line.substring(6).strip();
                } else if (line.startsWith("data:")) {
                    data.append(data.length() > 0 ? "\n" : "").append(line.substring(5).stripLeading());
                }
            }
            if (data.length() > 0) {
                events.add(new Event(name, data.toString()));
            }
        }
        return events;
    }

    /** The data of each event, in order; multi-line data is joined with newlines. */
    public static List<String> data(String body) {
        return events(body).stream().map(Event::data).toList();
    }
}
