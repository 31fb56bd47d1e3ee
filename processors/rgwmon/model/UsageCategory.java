package rgwmon.model;

/** One category of a bucket's {@code usage} map (rgw.main, rgw.multimeta, …). Sizes in bytes. */
public record UsageCategory(long numObjects, long size, long sizeActual, long sizeUtilized) {
}
