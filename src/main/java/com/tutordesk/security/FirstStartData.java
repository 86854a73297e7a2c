package com.tutordesk.security;

/**
 * Data a module loads into an empty installation when it starts, e.g. the demo business. Each is run
 * by {@link FirstStart} under the cluster-wide first-start lock, before the first admin from the
 * environment is created, so that two nodes starting together on an empty database load it once.
 */
public interface FirstStartData {

    /**
     * Loads the data if the database holds none of it yet, and says in the log what it loaded or why
     * it loaded nothing. Called with the first-start lock held.
     */
    void loadIntoEmptyDatabase();
}
