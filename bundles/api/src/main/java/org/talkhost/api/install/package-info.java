/** What an AllTalk install folder is: its version, the script that starts it, and where its Python lives. */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("1.0.0")
package org.talkhost.api.install;
