package dev.aigateway.contract.hostile;

import static dev.aigateway.contract.hostile.MisbehavingServer.gatewayAnswer;
import static dev.aigateway.contract.hostile.MisbehavingServer.write;

import java.io.OutputStream;
import java.net.Socket;

/**
 * A gateway that answers like the real one until inference, where it sends the headers and the
 * first event of a 200, then resets the connection: the answer breaks off after the gateway may
 * already have charged for it.
 */
final class HalfAGateway implements MisbehavingServer.Behaviour {

    private final String key;

    HalfAGateway(String key) {
        this.key = key;
    }

    @Override
    public void answer(MisbehavingServer.Request request, OutputStream out, Socket socket) throws Exception {
        boolean team = ("Bearer " + key).equals(request.headers().get("authorization"));
        if (request.target().startsWith("/v1/models")) {
            write(out, gatewayAnswer(200, "{\"object\":\"list\",\"data\":[]}"));
        } else if (!team) {
            write(out, gatewayAnswer(401, "{\"error\":{\"message\":\"Invalid API key\",\"type\":\"authentication_error\"}}"));
        } else if (request.target().startsWith("/v1/credits")) {
            write(out, gatewayAnswer(200, "{\"balance\":\"5.00\",\"total_used\":\"0.00\"}"));
        } else {
            write(out, "HTTP/1.1 200 OK\r\ncontent-type: text/event-stream\r\nx-vercel-id: hst1::iad1::half\r\n"
                    + "content-length: 5000\r\n\r\n"
                    + "data: {\"id\":\"gen_01JZ0000000000000000000000\",\"choices\":[{\"delta\":{\"role\":\"assistant\"}}]}\n\n");
            Thread.sleep(100);
            socket.setSoLinger(true, 0);
            socket.close();
        }
    }
}
