package dev.aigateway.contract.evidence;

import dev.aigateway.contract.environment.Environment.Secret;
import dev.aigateway.contract.http.SecretForms;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
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
import java.util.zip.CRC32;
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
     * at any offset, or its tail. A zip entry is named {@code path/to.zip!entry/name}; the zip itself
     * is named when one of its entries' names holds a secret.
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
        Map<String, Content> contentByName = new LinkedHashMap<>();
        Set<Content> distinct = new LinkedHashSet<>();
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
        Map<Content, Set<String>> variablesByContent = match(distinct, forms);
        Set<Finding> findings = new LinkedHashSet<>();
        contentByName.forEach((name, content) -> variablesByContent.getOrDefault(content, Set.of())
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
     * The variables whose secret each distinct content holds: every form at once in one
     * pass over each content ({@link SecretForms#matching}), the largest contents first, on as many
     * threads as there are cores.
     */
    private static Map<Content, Set<String>> match(Set<Content> distinct, List<Form> forms) throws IOException {
        List<Pattern> patterns = forms.stream().map(Form::pattern).toList();
        List<Content> contents = new ArrayList<>(distinct);
        contents.sort(Comparator.comparingInt((Content content) -> content.bytes().length).reversed());
        List<Callable<Set<String>>> tasks = new ArrayList<>();
        for (Content content : contents) {
            tasks.add(() -> {
                Set<String> variables = new LinkedHashSet<>();
                SecretForms.matching(patterns, latin1(content.bytes())).stream()
                        .forEach(form -> variables.add(forms.get(form).variable()));
                return variables;
            });
        }
        ExecutorService cores = Executors.newFixedThreadPool(Runtime.getRuntime().availableProcessors());
        Map<Content, Set<String>> variablesByContent = new HashMap<>();
        try {
            List<Future<Set<String>>> done = cores.invokeAll(tasks);
            for (int i = 0; i < contents.size(); i++) {
                variablesByContent.put(contents.get(i), done.get(i).get());
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

    /**
     * Files {@code content} under {@code name}; a zip by its entries, each under
     * {@code zip!entry/name}, and by the list of their names: its compressed bytes hold no text.
     */
    private static void collect(String name, byte[] content, Map<String, Content> contentByName,
                                Set<Content> distinct) throws IOException {
        if (!name.toLowerCase(Locale.ROOT).endsWith(".zip")) {
            Content file = new Content(content);
            contentByName.put(name, file);
            distinct.add(file);
            return;
        }
        StringBuilder names = new StringBuilder();
        try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(content))) {
            for (ZipEntry entry = zip.getNextEntry(); entry != null; entry = zip.getNextEntry()) {
                names.append(entry.getName()).append('\n');
                if (entry.getComment() != null) {
                    names.append(entry.getComment()).append('\n');
                }
                if (!entry.isDirectory()) {
                    collect(name + "!" + entry.getName(), zip.readAllBytes(), contentByName, distinct);
                }
            }
        } catch (ZipException unreadable) {
            throw new IOException("cannot read " + name + " as a zip to scan it for secrets: " + unreadable.getMessage(),
                    unreadable);
        }
        Content listing = new Content(names.toString().getBytes(StandardCharsets.UTF_8));
        contentByName.put(name, listing);
        distinct.add(listing);
    }

    /** A file's bytes, equal to another's when byte for byte the same: each distinct content is matched once. */
    private record Content(byte[] bytes, int hash) {
        Content(byte[] bytes) {
            this(bytes, hash(bytes));
        }

        private static int hash(byte[] bytes) {
            CRC32 crc = new CRC32();
            crc.update(bytes);
            return (int) crc.getValue() ^ bytes.length;
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof Content content && hash == content.hash && Arrays.equals(bytes, content.bytes);
        }

        @Override
        public int hashCode() {
            return hash;
        }

        @Override
        public String toString() {
            return bytes.length + " bytes";
        }
    }

    // One char per byte, so String.contains matches bytes whatever the file's encoding.
    private static String latin1(byte[] bytes) {
        return new String(bytes, StandardCharsets.ISO_8859_1);
    }
}
