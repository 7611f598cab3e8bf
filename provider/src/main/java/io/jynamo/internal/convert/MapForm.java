package io.jynamo.internal.convert;

/** The codec of a {@code Map} element collection, in whichever stored form its keys allow. */
public sealed interface MapForm extends Codec permits MapCodec, EntryListCodec {

    /** The codec of the keys. */
    Codec key();

    /** The codec of the values. */
    Codec value();

    /**
     * The codec of a map: a DynamoDB map (M) when the keys have a string form (they store as S or N), else a
     * list of key/value entries.
     */
    static MapForm of(Codec key, Codec value) {
        return MapCodec.takes(key) ? new MapCodec(key, value) : new EntryListCodec(key, value);
    }
}
