-- The passing standard a tenant sets per exam code, on the ability (theta) scale of the calibrated items: what the
-- students' readiness band is measured against.
CREATE TABLE passing_standard (
    tenant_id     TEXT             NOT NULL,
    exam_code     TEXT             NOT NULL,
    passing_theta DOUBLE PRECISION NOT NULL,
    updated_by    UUID             NOT NULL,
    updated_at    TIMESTAMPTZ      NOT NULL DEFAULT now(),
    PRIMARY KEY (tenant_id, exam_code)
);
