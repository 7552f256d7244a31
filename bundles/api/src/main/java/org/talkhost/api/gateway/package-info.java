/** The gateway: AllTalk's API and OpenAI speech on one stable address, held through restarts. */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("1.1.0")
package org.talkhost.api.gateway;
