package cn.creditwindow.answers;

/**
 * What every kind's form has besides its own fields: the submitter's region as division codes, which the pages
 * cascade (province, then its cities, then the city's districts).
 */
public interface Form {
    String province();

    String city();

    String district();
}
