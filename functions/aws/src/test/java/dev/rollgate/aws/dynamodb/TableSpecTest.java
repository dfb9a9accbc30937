package dev.rollgate.aws.dynamodb;

import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.CreateTableRequest;

import static org.assertj.core.api.Assertions.assertThat;

class TableSpecTest {
    @Test
    void createRequestDefinesEveryKeyAttributeOnceAndAllIndexes() {
        CreateTableRequest request = StateSchema.ROLLOUTS.createTableRequest("t-rollouts");

        assertThat(request.tableName()).isEqualTo("t-rollouts");
        assertThat(request.billingMode()).isEqualTo(BillingMode.PAY_PER_REQUEST);
        assertThat(request.attributeDefinitions()).extracting(d -> d.attributeName())
                .containsExactlyInAnyOrder("id", "tenantStatus", "createdKey", "tenant", "tenantAgent");
        assertThat(request.globalSecondaryIndexes()).extracting(g -> g.indexName())
                .containsExactly("byTenantStatus", "byTenant", "byTenantAgent");
        assertThat(request.sseSpecification().enabled()).isTrue();
    }

    @Test
    void idempotencyTableHasTheSharedKeyShape() {
        // Another component (the Cordum rerun guard) writes conditional PutItems with pk/sk/expiresAt.
        assertThat(StateSchema.IDEMPOTENCY.hashKey()).isEqualTo(KeyAttribute.string("pk"));
        assertThat(StateSchema.IDEMPOTENCY.rangeKey()).contains(KeyAttribute.string("sk"));
        assertThat(StateSchema.IDEMPOTENCY.ttlAttribute()).contains("expiresAt");
    }

    @Test
    void tableWithoutIndexesSendsNoIndexList() {
        assertThat(StateSchema.HISTORY.createTableRequest("h").hasGlobalSecondaryIndexes()).isFalse();
    }
}
