package io.datamint.webapp.infrastructure.publishing;

import io.datamint.domain.model.dataset.Cid;
import io.datamint.domain.model.dataset.ContentSource;
import io.datamint.domain.model.dataset.ContentStore;
import io.datamint.domain.model.dataset.StoredObject;
import jakarta.enterprise.concurrent.ContextService;
import java.io.InputStream;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.function.LongConsumer;

/**
 * Runs the progress listener of a store with the application's context. Kubo's client reports
 * progress from the JDK HTTP client's own threads, which the container does not manage; the publish
 * flow writes progress to the database from that listener, and a transaction on an unmanaged thread
 * has no component to belong to.
 */
final class ContextualContentStore implements ContentStore {

  private final ContentStore delegate;
  private final ContextService context;

  ContextualContentStore(ContentStore delegate, ContextService context) {
    this.delegate = Objects.requireNonNull(delegate, "delegate must not be null");
    this.context = Objects.requireNonNull(context, "context service must not be null");
  }

  @Override
  public StoredObject store(ContentSource content, String reference, LongConsumer progress) {
    Consumer<Long> withContext = context.contextualConsumer(progress::accept);
    return delegate.store(content, reference, withContext::accept);
  }

  @Override
  public InputStream open(Cid cid) {
    return delegate.open(cid);
  }

  @Override
  public InputStream open(Cid cid, long offset, long length) {
    return delegate.open(cid, offset, length);
  }

  @Override
  public void release(Cid cid, String reference) {
    delegate.release(cid, reference);
  }

  @Override
  public boolean isPinned(Cid cid) {
    return delegate.isPinned(cid);
  }
}
