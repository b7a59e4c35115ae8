package io.orgshell.api;

import java.util.List;

/** One page of a cursor listing, whatever it lists: what {@link CursorWalk} needs to tell a listing that never ends. */
interface ListPage {

    List<?> data();

    Links links();

    /** {@code meta.total}, where the API gives one. */
    default Integer total() {
        return null;
    }
}
