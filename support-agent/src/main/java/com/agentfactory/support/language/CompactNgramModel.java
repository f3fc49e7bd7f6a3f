package com.agentfactory.support.language;

import it.unimi.dsi.fastutil.objects.AbstractObject2FloatMap;
import it.unimi.dsi.fastutil.objects.AbstractObjectSet;
import it.unimi.dsi.fastutil.objects.Object2FloatMap;
import it.unimi.dsi.fastutil.objects.ObjectIterator;
import it.unimi.dsi.fastutil.objects.ObjectSet;
import java.util.Arrays;
import java.util.NoSuchElementException;
import java.util.Optional;

/**
 * One of Lingua's n-gram models (n-gram to relative frequency) in two sorted primitive arrays: each n-gram packed
 * into a long, a few bits a character indexed in the model's own alphabet, beside its frequency. 12 bytes an n-gram
 * against about 60 in Lingua's hash map of strings; a look-up is a binary search instead of a hash probe. Read-only:
 * Lingua only ever asks {@link #getFloat}.
 */
final class CompactNgramModel extends AbstractObject2FloatMap<String> {

    private final int length;
    private final char[] alphabet;
    private final int bitsPerChar;
    private final long[] keys;
    private final float[] frequencies;

    private CompactNgramModel(int length, char[] alphabet, long[] keys, float[] frequencies) {
        this.length = length;
        this.alphabet = alphabet;
        this.bitsPerChar = bitsFor(alphabet.length);
        this.keys = keys;
        this.frequencies = frequencies;
    }

    /**
     * The same model compacted, or empty when its n-grams do not all have the given length or its alphabet is too
     * large to pack that many characters into a long (none of Lingua's models for Latin-script languages is).
     */
    static Optional<CompactNgramModel> of(Object2FloatMap<String> model, int length) {
        char[] alphabet = model.keySet().stream()
                .flatMapToInt(String::chars)
                .distinct()
                .sorted()
                .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append)
                .toString()
                .toCharArray();
        if (bitsFor(alphabet.length) * length > Long.SIZE - 1) {
            return Optional.empty();
        }
        int size = model.size();
        long[] keys = new long[size];
        float[] frequencies = new float[size];
        var compact = new CompactNgramModel(length, alphabet, keys, frequencies);
        int i = 0;
        for (Object2FloatMap.Entry<String> entry : model.object2FloatEntrySet()) {
            // every character is in the alphabet, so only an n-gram of another length has no key
            keys[i] = compact.encode(entry.getKey());
            if (keys[i] < 0) {
                return Optional.empty();
            }
            frequencies[i] = entry.getFloatValue();
            i++;
        }
        it.unimi.dsi.fastutil.Arrays.quickSort(0, size, (a, b) -> Long.compare(keys[a], keys[b]), (a, b) -> {
            long key = keys[a];
            keys[a] = keys[b];
            keys[b] = key;
            float frequency = frequencies[a];
            frequencies[a] = frequencies[b];
            frequencies[b] = frequency;
        });
        return Optional.of(compact);
    }

    /** Bits to number the alphabet's characters from 1 to its size; at most 63 in all keep every key positive. */
    private static int bitsFor(int alphabetSize) {
        return Integer.SIZE - Integer.numberOfLeadingZeros(alphabetSize);
    }

    /** The packed key, or -1 for a string that cannot be in the model (wrong length, a character it never saw). */
    private long encode(String ngram) {
        if (ngram.length() != length) {
            return -1;
        }
        long key = 0;
        for (int i = 0; i < length; i++) {
            int index = Arrays.binarySearch(alphabet, ngram.charAt(i));
            if (index < 0) {
                return -1;
            }
            key = (key << bitsPerChar) | (index + 1);
        }
        return key;
    }

    private String decode(long key) {
        char[] chars = new char[length];
        long mask = (1L << bitsPerChar) - 1;
        for (int i = length - 1; i >= 0; i--) {
            chars[i] = alphabet[(int) (key & mask) - 1];
            key >>>= bitsPerChar;
        }
        return new String(chars);
    }

    /** Where the n-gram's frequency is, or a negative number when the model does not have it. */
    private int indexOf(Object ngram) {
        long key = ngram instanceof String text ? encode(text) : -1;
        return key < 0 ? -1 : Arrays.binarySearch(keys, key);
    }

    @Override
    public float getFloat(Object ngram) {
        int index = indexOf(ngram);
        return index < 0 ? defaultReturnValue() : frequencies[index];
    }

    @Override
    public boolean containsKey(Object ngram) {
        return indexOf(ngram) >= 0;
    }

    @Override
    public int size() {
        return keys.length;
    }

    @Override
    public ObjectSet<Object2FloatMap.Entry<String>> object2FloatEntrySet() {
        return new AbstractObjectSet<>() {
            @Override
            public int size() {
                return keys.length;
            }

            @Override
            public ObjectIterator<Object2FloatMap.Entry<String>> iterator() {
                return new ObjectIterator<>() {
                    private int next;

                    @Override
                    public boolean hasNext() {
                        return next < keys.length;
                    }

                    @Override
                    public Object2FloatMap.Entry<String> next() {
                        if (next >= keys.length) {
                            throw new NoSuchElementException();
                        }
                        int index = next++;
                        return new BasicEntry<>(decode(keys[index]), frequencies[index]);
                    }
                };
            }
        };
    }
}
