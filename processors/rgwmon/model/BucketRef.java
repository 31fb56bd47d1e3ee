package rgwmon.model;

/**
 * A bucket as radosgw-admin prints it: {@code tenant:name[instance])} (Pacific+, tenant may be empty),
 * {@code name[marker]} (older) or {@code name:instance} (source bucket lines).
 *
 * @param tenant     tenant, "" when none
 * @param name       bucket name
 * @param instanceId bucket instance id (or marker), null when not printed
 */
public record BucketRef(String tenant, String name, String instanceId) {

    /** "tenant/name" for tenanted buckets, else the name: the key the monitor uses everywhere. */
    public String qualifiedName() {
        return tenant == null || tenant.isEmpty() ? name : tenant + "/" + name;
    }
}
