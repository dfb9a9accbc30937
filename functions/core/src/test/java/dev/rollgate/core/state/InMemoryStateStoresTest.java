package dev.rollgate.core.state;

/** The fakes obey the same contract as the DynamoDB adapters. */
class InMemoryStateStoresTest extends StateStoreContract {
    @Override
    protected StateStores stores() {
        return InMemoryStateStores.create();
    }
}
