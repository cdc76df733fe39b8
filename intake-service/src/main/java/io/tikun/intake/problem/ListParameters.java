package io.tikun.intake.problem;

/**
 * The paging parameters of intake's listings. They are taken as text and checked by pattern and range, so that a
 * bad value is answered with a 400 problem naming the parameter: a failed conversion to a number or an enum would
 * be a bare 404 from the framework.
 */
public final class ListParameters {

    /** A page number from 0; seven digits at most, so that a page times the largest page size still fits an int. */
    public static final String PAGE = "\\d{1,7}";
    public static final String PAGE_MESSAGE = "must be a page number from 0 to 9999999";
    /** A page size of up to three digits; its range is checked by the listing. */
    public static final String SIZE = "\\d{1,3}";
    public static final String SIZE_MESSAGE = "must be a page size from 1 to " + ListParameters.MAX_SIZE;
    public static final int MAX_SIZE = 200;

    private ListParameters() {
    }
}
