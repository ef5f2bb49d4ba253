package io.xunshi.testing.architecture;

import java.nio.file.Path;
import java.util.List;
import java.util.Properties;

import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.library.freeze.TextFileBasedViolationStore;
import com.tngtech.archunit.library.freeze.ViolationStore;

/**
 * The violations a frozen rule tolerates, kept in text files in a folder committed with the service
 * ({@code stored.rules} names the rules, one file per rule lists its violations). Stricter than ArchUnit's
 * default store: the folder must exist, a rule it does not list is refused rather than silently frozen with
 * whatever violates it today, and no new violation is ever added (no refreezing). A violation that is fixed
 * is removed from its list by the run that no longer finds it.
 */
final class ToleratedViolations implements ViolationStore {

    private final Path folder;
    private final TextFileBasedViolationStore files = new TextFileBasedViolationStore();

    ToleratedViolations(Path folder) {
        this.folder = folder;
    }

    /** Ignores ArchUnit's configuration: where the list lives and what may change in it is fixed here. */
    @Override
    public void initialize(Properties ignored) {
        Properties properties = new Properties();
        properties.setProperty("default.path", folder.toString());
        properties.setProperty("default.allowStoreCreation", "false");
        properties.setProperty("default.allowStoreUpdate", "true");
        files.initialize(properties);
    }

    @Override
    public boolean contains(ArchRule rule) {
        return files.contains(rule);
    }

    @Override
    public void save(ArchRule rule, List<String> violations) {
        if (!files.contains(rule)) {
            throw new AssertionError("no list of tolerated violations for the rule '" + rule.getDescription()
                    + "' in " + folder + "; a frozen rule starts from a reviewed list, never from whatever"
                    + " violates it today: " + violations);
        }
        files.save(rule, violations);
    }

    @Override
    public List<String> getViolations(ArchRule rule) {
        return files.getViolations(rule);
    }
}
