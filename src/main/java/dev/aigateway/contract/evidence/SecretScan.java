package dev.aigateway.contract.evidence;

import dev.aigateway.contract.environment.Environment.Secret;
import dev.aigateway.contract.http.SecretForms;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipInputStream;

/** The last check before anything is shared: no secret, in any form, in any file about to leave the machine. */
public final class SecretScan {

    /** A file holding a secret, and the variable the secret was read from; never the value. */
    public record Finding(String file, String variable) {}

    private record Form(String variable, Pattern pattern) {}

    private SecretScan() {}

    /**
     * Every file under {@code roots} (folders or single files; a missing one is skipped), and every
     * entry of every {@code .zip} among them, that holds one of {@code secrets} in a form
     * {@link SecretForms#patterns} matches: raw, URL-encoded, JSON-escaped in any style or mix, base64
     * at any offset, or its tail. A zip entry is named {@code path/to.zip!entry/name}.
     */
    public static List<Finding> scan(List<Path> roots, List<Secret> secrets) throws IOException {
        List<Form> forms = new ArrayList<>();
        for (Secret secret : secrets) {
            if (secret.value() != null && !secret.value().isEmpty()) {
                for (Pattern pattern : SecretForms.patterns(secret.value())) {
                    forms.add(new Form(secret.variable(), pattern));
                }
            }
        }
        Set<Finding> findings = new LinkedHashSet<>();
        for (Path root : roots) {
            // Parts of a bundle are optional (no report when its generation failed): absent, they hold nothing.
            if (!Files.exists(root)) {
                continue;
            }
            List<Path> files;
            try (Stream<Path> tree = Files.walk(root)) {
                files = tree.filter(Files::isRegularFile).sorted().toList();
            }
            for (Path file : files) {
                scan(file.toString(), Files.readAllBytes(file), forms, findings);
            }
        }
        return List.copyOf(findings);
    }

    /** One paragraph naming each secret's variable and the files that hold it, fit for a build failure. */
    public static String describe(List<Finding> findings) {
        if (findings.isEmpty()) {
            return "No secret found.";
        }
        Map<String, List<String>> filesByVariable = new LinkedHashMap<>();
        for (Finding finding : findings) {
            filesByVariable.computeIfAbsent(finding.variable(), variable -> new ArrayList<>()).add(finding.file());
        }
        return filesByVariable.entrySet().stream()
                .map(entry -> "secret " + entry.getKey() + " found in " + String.join(", ", entry.getValue()))
                .collect(Collectors.joining("; "))
                + ". Its value, raw or encoded (URL, JSON, base64, or its tail), is in these files:"
                + " do not share them until it is removed.";
    }

    private static void scan(String name, byte[] content, List<Form> forms, Set<Finding> findings) throws IOException {
        String text = latin1(content);
        for (Form form : forms) {
            if (form.pattern().matcher(text).find()) {
                findings.add(new Finding(name, form.variable()));
            }
        }
        if (!name.toLowerCase(Locale.ROOT).endsWith(".zip")) {
            return;
        }
        try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(content))) {
            for (ZipEntry entry = zip.getNextEntry(); entry != null; entry = zip.getNextEntry()) {
                if (!entry.isDirectory()) {
                    scan(name + "!" + entry.getName(), zip.readAllBytes(), forms, findings);
                }
            }
        } catch (ZipException unreadable) {
            throw new IOException("cannot read " + name + " as a zip to scan it for secrets: " + unreadable.getMessage(),
                    unreadable);
        }
    }

    // One char per byte, so String.contains matches bytes whatever the file's encoding.
    private static String latin1(byte[] bytes) {
        return new String(bytes, StandardCharsets.ISO_8859_1);
    }
}
