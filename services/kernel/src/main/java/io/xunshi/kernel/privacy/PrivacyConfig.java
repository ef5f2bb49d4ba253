package io.xunshi.kernel.privacy;

import java.nio.file.Path;
import java.util.Optional;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * Configuration of personal-data protection: the master keys that wrap every subject's key (docs/adr/0020-personal-data.md).
 * A service refuses to start when the current key id has no key ({@link MasterKeys#from}).
 */
@ConfigMapping(prefix = "xunshi.privacy")
public interface PrivacyConfig {

    /**
     * The id of the master key new subject keys are wrapped with ({@code XUNSHI_PRIVACY_MASTER_KEY_ID}). Every
     * wrapped subject key is stored with the id of the key that wrapped it, so that rotating means adding a key
     * under a new id and switching this to it.
     */
    @WithDefault(MasterKeys.DEFAULT_ID)
    String masterKeyId();

    /**
     * A directory holding one file per master key ({@code XUNSHI_PRIVACY_MASTER_KEYS_DIR}): the file's name is the
     * key id, its content the key as base64 of 32 bytes (a Kubernetes Secret mounted as a volume has this shape).
     * Files whose names start with a dot are passed over (a mounted Secret's {@code ..data} links).
     */
    Optional<Path> masterKeysDir();

    /**
     * The master key of {@link #masterKeyId()} itself, base64 of 32 bytes ({@code XUNSHI_PRIVACY_MASTER_KEY}):
     * what dev, test and the local launcher set. With a keys directory too, a file of the current id must hold the
     * same key.
     */
    Optional<String> masterKey();

    /**
     * Whether the service, once started, rewraps every subject key wrapped under another master key than the
     * current one with the current one (the old key must still be configured). On by default: after a rotation the
     * old key is needed only until this has run.
     */
    @WithDefault("true")
    boolean rewrapOnStart();
}
