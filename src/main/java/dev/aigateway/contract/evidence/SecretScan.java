package dev.aigateway.contract.evidence;

import dev.aigateway.contract.environment.Environment.Secret;
import dev.aigateway.contract.http.SecretForms;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
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
        // Every file, and every entry of every zip, by name; the bundle's zip holds copies of files on
        // disk (the 3 MB report among them): the same bytes hold the same secrets, so each content is
        // matched once, and the distinct contents are matched side by side, one per core.
        Map<String, String> contentByName = new LinkedHashMap<>();
        Map<String, byte[]> distinct = new LinkedHashMap<>();
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
                collect(file.toString(), Files.readAllBytes(file), contentByName, distinct);
            }
        }
        Map<String, Set<String>> variablesByContent = match(distinct, forms);
        Set<Finding> findings = new LinkedHashSet<>();
        contentByName.forEach((name, digest) -> variablesByContent.getOrDefault(digest, Set.of())
                .forEach(variable -> findings.add(new Finding(name, variable))));
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

    /**
     * The variables whose secret each distinct content holds, by digest: every form at once in one
     * pass over each content ({@link SecretForms#matching}), the largest contents first, on as many
     * threads as there are cores.
     */
    private static Map<String, Set<String>> match(Map<String, byte[]> distinct, List<Form> forms) throws IOException {
        List<Pattern> patterns = forms.stream().map(Form::pattern).toList();
        List<Map.Entry<String, byte[]>> contents = new ArrayList<>(distinct.entrySet());
        contents.sort(Comparator.comparingInt((Map.Entry<String, byte[]> content) -> content.getValue().length).reversed());
        List<Callable<Map.Entry<String, Set<String>>>> tasks = new ArrayList<>();
        for (Map.Entry<String, byte[]> content : contents) {
            tasks.add(() -> {
                Set<String> variables = new LinkedHashSet<>();
                SecretForms.matching(patterns, latin1(content.getValue())).stream()
                        .forEach(form -> variables.add(forms.get(form).variable()));
                return Map.entry(content.getKey(), variables);
            });
        }
        ExecutorService cores = Executors.newFixedThreadPool(Runtime.getRuntime().availableProcessors());
        Map<String, Set<String>> variablesByContent = new HashMap<>();
        try {
            for (Future<Map.Entry<String, Set<String>>> task : cores.invokeAll(tasks)) {
                variablesByContent.put(task.get().getKey(), task.get().getValue());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("the secret scan was interrupted", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("the secret scan failed: " + e.getCause(), e.getCause());
        } finally {
            cores.shutdownNow();
        }
        return variablesByContent;
    }

    /** Files {@code content} under {@code name}, and each of its entries when it is a zip. */
    private static void collect(String name, byte[] content, Map<String, String> contentByName,
                                Map<String, byte[]> distinct) throws IOException {
        String digest = sha256(content);
        contentByName.put(name, digest);
        distinct.putIfAbsent(digest, content);
        if (!name.toLowerCase(Locale.ROOT).endsWith(".zip")) {
            return;
        }
        try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(content))) {
            for (ZipEntry entry = zip.getNextEntry(); entry != null; entry = zip.getNextEntry()) {
                if (!entry.isDirectory()) {
                    collect(name + "!" + entry.getName(), zip.readAllBytes(), contentByName, distinct);
                }
            }
        } catch (ZipException unreadable) {
            throw new IOException("cannot read " + name + " as a zip to scan it for secrets: " + unreadable.getMessage(),
                    unreadable);
        }
    }

    private static String sha256(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }

    // One char per byte, so String.contains matches bytes whatever the file's encoding.
    private static String latin1(byte[] bytes) {
        return new String(bytes, StandardCharsets.ISO_8859_1);
    }
}
