package io.datamint.webapp.infrastructure.publishing;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.datamint.domain.model.dataset.ContentCipher;
import io.datamint.domain.model.dataset.ContentKeys;
import io.datamint.domain.model.dataset.ContentStore;
import io.datamint.domain.model.dataset.DatasetInspector;
import io.datamint.domain.model.dataset.PinLedger;
import io.datamint.domain.model.dataset.PublicMetadata;
import io.datamint.ipfs.KuboContentStore;
import io.datamint.ipfs.kubo.KuboClient;
import io.datamint.ipfs.kubo.KuboConfig;
import io.datamint.pipeline.crypto.ChunkedAesGcmCipher;
import io.datamint.pipeline.crypto.DataKeys;
import io.datamint.pipeline.crypto.MasterKey;
import io.datamint.pipeline.inspect.InspectionLimits;
import io.datamint.pipeline.inspect.TikaInspector;
import io.datamint.pipeline.metadata.PublicMetadataWriter;
import io.datamint.webapp.infrastructure.config.StackEndpoints;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ContextService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;

/**
 * Chooses the adapters behind the publish flow's ports. The Tika inspector is built once (Tika
 * loads its parsers once); the master key and the key wrapper come from {@link
 * io.datamint.webapp.infrastructure.crypto.CryptoProducers}.
 */
@ApplicationScoped
public class PublishingProducers {

  @Inject StackEndpoints endpoints;

  @Inject UploadSettings uploads;

  @Resource ContextService contextService;

  @Produces
  @ApplicationScoped
  DatasetInspector inspector() {
    return new TikaInspector(InspectionLimits.defaults().withMaxFileBytes(uploads.maxBytes()));
  }

  // jakarta.inject.Singleton, not @ApplicationScoped: these are final classes, which CDI cannot
  // proxy, and they are immutable
  @Produces
  @Singleton
  KuboClient kubo() {
    return new KuboClient(KuboConfig.of(endpoints.ipfsApi().toString()));
  }

  @Produces
  @Singleton
  LocalUploadArea uploadArea() {
    return new LocalUploadArea(uploads.directory());
  }

  @Produces
  @ApplicationScoped
  ContentStore contentStore(KuboClient kubo, PinLedger ledger) {
    return new ContextualContentStore(new KuboContentStore(kubo, ledger), contextService);
  }

  @Produces
  @ApplicationScoped
  ContentKeys contentKeys(MasterKey master) {
    return new DataKeys(master)::forContent;
  }

  @Produces
  @ApplicationScoped
  ContentCipher cipher() {
    return new ChunkedAesGcmCipher();
  }

  @Produces
  @ApplicationScoped
  PublicMetadata publicMetadata() {
    return new PublicMetadataWriter(new ObjectMapper())::write;
  }
}
