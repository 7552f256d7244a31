@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("1.1.1")
package org.talkhost.api.config;
