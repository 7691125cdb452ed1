package org.openiru.signals;

import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.openiru.hashing.Hash256;
import org.openiru.hashing.banks.SignalType;
import org.openiru.hashing.index.HashIndex;
import org.openiru.hashing.index.Match;

/**
 * Every bank entry in memory, kept in step with the banks by {@link BankChangeListener} calls instead of
 * rebuilds: PDQ hashes in a {@link HashIndex} (Hamming distance), MD5/SHA-256 in a hash map (exact).
 * The index holds disabled and expired entries too, so that enabling a bank or an entry's expiry changes
 * nothing here; {@link BankMatcher} filters at query time.
 *
 * <p>Loaded from the database on first use, so that command-line processes that never match pay nothing.
 */
public final class SignalIndex implements BankChangeListener {
    /** A raw hit: an entry within its bank's threshold, and the bank as the index knows it. */
    public record Hit(IndexedEntry entry, Bank bank, int distance) {
    }

    /** Size, and when the index last changed (it is always current), per signal type, for HMA's index status. */
    public record Status(int size, Instant builtAt) {
    }

    private final Supplier<HashIndex> indexFactory;
    private final Supplier<List<Bank>> bankSource;
    private final EntrySource entrySource;
    private final Map<Long, IndexedEntry> entries = new ConcurrentHashMap<>();
    private final Map<Long, Bank> banks = new ConcurrentHashMap<>();
    private final Map<String, Set<Long>> exact = new ConcurrentHashMap<>();
    private final Map<SignalType, Integer> exactSizes = new EnumMap<>(SignalType.class);
    private volatile HashIndex pdq;
    private volatile Instant builtAt;

    /** Streams every stored entry, for loading. */
    @FunctionalInterface
    public interface EntrySource {
        void forEach(Consumer<IndexedEntry> sink);
    }

    /**
     * @param indexFactory makes the PDQ index; the only place that names an implementation, so that it can be
     *                     swapped for a faster one
     */
    public SignalIndex(Supplier<HashIndex> indexFactory, Supplier<List<Bank>> bankSource, EntrySource entrySource) {
        this.indexFactory = indexFactory;
        this.bankSource = bankSource;
        this.entrySource = entrySource;
    }

    private synchronized void ensureLoaded() {
        if (pdq != null) {
            return;
        }
        HashIndex index = indexFactory.get();
        bankSource.get().forEach(b -> banks.put(b.id(), b));
        entrySource.forEach(e -> put(index, e));
        builtAt = Instant.now();
        pdq = index;
    }

    /** Entries of any bank (enabled or not) whose signal is within the bank's threshold of {@code value}. */
    public List<Hit> query(SignalType type, String value) {
        if (pdq == null) {
            ensureLoaded();
        }
        List<Hit> hits = new ArrayList<>();
        if (type == SignalType.PDQ) {
            int widest = banks.values().stream().mapToInt(Bank::pdqThreshold).max().orElse(0);
            for (Match m : pdq.query(Hash256.fromHex(value), widest)) {
                hit(m.id(), m.distance()).filter(h -> h.distance() <= h.bank().pdqThreshold()).ifPresent(hits::add);
            }
        } else {
            for (long id : exact.getOrDefault(key(type, value), Set.of())) {
                hit(id, 0).ifPresent(hits::add);
            }
        }
        return hits;
    }

    private java.util.Optional<Hit> hit(long entryId, int distance) {
        IndexedEntry e = entries.get(entryId);
        Bank b = e == null ? null : banks.get(e.bankId());
        return b == null ? java.util.Optional.empty() : java.util.Optional.of(new Hit(e, b, distance));
    }

    public Map<SignalType, Status> status() {
        if (pdq == null) {
            ensureLoaded();
        }
        Map<SignalType, Status> out = new EnumMap<>(SignalType.class);
        out.put(SignalType.PDQ, new Status(pdq.size(), builtAt));
        synchronized (this) {
            for (SignalType t : List.of(SignalType.MD5, SignalType.SHA256, SignalType.VIDEO_MD5)) {
                out.put(t, new Status(exactSizes.getOrDefault(t, 0), builtAt));
            }
        }
        return out;
    }

    @Override
    public synchronized void entriesAdded(List<IndexedEntry> added) {
        builtAt = Instant.now();
        if (pdq != null) {
            added.forEach(e -> put(pdq, e));
        }
    }

    @Override
    public synchronized void entriesRemoved(List<IndexedEntry> removed) {
        builtAt = Instant.now();
        if (pdq == null) {
            return;
        }
        for (IndexedEntry e : removed) {
            if (entries.remove(e.id()) == null) {
                continue;
            }
            if (e.type() == SignalType.PDQ) {
                pdq.remove(Hash256.fromHex(e.value()), e.id());
            } else {
                exact.computeIfPresent(key(e.type(), e.value()), (k, ids) -> {
                    ids.remove(e.id());
                    return ids.isEmpty() ? null : ids;
                });
                exactSizes.merge(e.type(), -1, Integer::sum);
            }
        }
    }

    @Override
    public synchronized void bankChanged(Bank bank) {
        builtAt = Instant.now();
        if (pdq != null) {
            banks.put(bank.id(), bank);
        }
    }

    @Override
    public synchronized void bankRemoved(long bankId) {
        builtAt = Instant.now();
        if (pdq == null) {
            return;
        }
        entriesRemoved(entries.values().stream().filter(e -> e.bankId() == bankId).toList());
        banks.remove(bankId);
    }

    private void put(HashIndex index, IndexedEntry e) {
        // An entry committed just before loading is both loaded and announced; index it once.
        if (entries.putIfAbsent(e.id(), e) != null) {
            return;
        }
        if (e.type() == SignalType.PDQ) {
            index.add(Hash256.fromHex(e.value()), e.id());
        } else {
            exact.computeIfAbsent(key(e.type(), e.value()), k -> ConcurrentHashMap.newKeySet()).add(e.id());
            exactSizes.merge(e.type(), 1, Integer::sum);
        }
    }

    private static String key(SignalType type, String value) {
        return type.wireName() + ":" + value;
    }
}
