package dev.aigateway.contract.record;

import java.io.InputStream;
import java.util.Properties;

/** This tool's version, as Maven filtered it into {@code tool.properties}. */
public final class ToolVersion {

    private ToolVersion() {}

    public static String get() {
        try (InputStream in = ToolVersion.class.getClassLoader().getResourceAsStream("tool.properties")) {
            Properties properties = new Properties();
            if (in != null) {
                properties.load(in);
            }
            return properties.getProperty("version", "unknown");
        } catch (Exception e) {
            return "unknown";
        }
    }
}
