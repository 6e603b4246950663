package cn.creditwindow.store;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * The change counter of one topic (the buyer directory, the watch lists, the added schemes): how an app node keeps
 * what it holds in memory in step with changes made through any node (#17). The counter is the row
 * {@code changes:<topic>} of the table {@code counters}: every transaction that changes the topic's rows takes its
 * next number ({@link #record}, which is {@link Tx#nextValue}), and the number it has now is the topic's
 * <em>generation</em> ({@link #generation}: one primary-key read). A copy in memory remembers the generation it was
 * built from and, before it answers, reads the generation again and catches up when it moved: by a rebuild, or by
 * reading only the rows whose change number is above the one it last saw.
 *
 * <p>Why this catches every change: the counter row stays locked from {@link #record} until the writing transaction
 * ends (PostgreSQL's row lock; SQLite's single writer), so change numbers are committed in their order, and a
 * generation read as {@code n} means that every change numbered {@code n} or below has committed (a rolled-back
 * number is given again). A copy that reads the generation <em>before</em> the rows it rebuilds from is therefore
 * never behind the generation it records; at worst it rebuilds once more. Not a notification between nodes: nothing
 * to lose when a node is down or starts later, and the same SQL on both databases.
 *
 * <p>{@link #record} locks the counter until the transaction ends: every change of the topic, on every node, waits
 * for the one before to commit. Record early in a transaction whose later steps take other counters (always in the
 * same order), and keep the transaction short. Immutable and thread-safe.
 */
public final class Changes {
    private static final Pattern TOPIC = Pattern.compile("[a-z][a-z0-9_]*");
    private static final String GENERATION = "SELECT value FROM counters WHERE name = ?";

    private final String counter;

    private Changes(String counter) {
        this.counter = counter;
    }

    /**
     * The changes of {@code topic}, a plain lower-case name such as {@code buyers}.
     *
     * @throws IllegalArgumentException for another kind of name
     */
    public static Changes of(String topic) {
        Objects.requireNonNull(topic, "topic");
        if (!TOPIC.matcher(topic).matches()) {
            throw new IllegalArgumentException("a change topic is a plain lower-case name, was '" + topic + "'");
        }
        return new Changes("changes:" + topic);
    }

    /**
     * Records a change of the topic in {@code tx}, the transaction that writes it, and returns its number: the
     * topic's generation once {@code tx} has committed. Locks the counter until {@code tx} ends (see above).
     *
     * @throws IllegalStateException inside {@link Database#read}, where nothing would be kept
     */
    public long record(Tx tx) {
        return tx.nextValue(counter);
    }

    /**
     * The topic's generation: the number of its last committed change, 0 before the first. One primary-key read; in
     * a transaction that has {@link #record recorded} a change, that change's number.
     */
    public long generation(Tx tx) {
        return tx.one(GENERATION, r -> r.longValue("value"), counter).orElse(0L);
    }

    /** The topic's generation, read on a connection of its own. */
    public long generation(Database db) {
        return db.read(this::generation);
    }

    @Override
    public String toString() {
        return counter;
    }
}
