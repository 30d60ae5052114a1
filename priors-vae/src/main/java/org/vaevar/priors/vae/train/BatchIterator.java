package org.vaevar.priors.vae.train;

import java.util.List;
import java.util.NoSuchElementException;
import org.nd4j.linalg.dataset.api.MultiDataSet;
import org.nd4j.linalg.dataset.api.MultiDataSetPreProcessor;
import org.nd4j.linalg.dataset.api.iterator.MultiDataSetIterator;

/** One epoch of prepared minibatches, for SameDiff's fit (one fit call per epoch, not per batch). */
final class BatchIterator implements MultiDataSetIterator {

    private final List<MultiDataSet> batches;
    private int next;

    BatchIterator(List<MultiDataSet> batches) {
        this.batches = batches;
    }

    @Override
    public boolean hasNext() {
        return next < batches.size();
    }

    @Override
    public MultiDataSet next() {
        if (!hasNext()) {
            throw new NoSuchElementException();
        }
        return batches.get(next++);
    }

    @Override
    public MultiDataSet next(int num) {
        return next();
    }

    @Override
    public void setPreProcessor(MultiDataSetPreProcessor preProcessor) {
        throw new UnsupportedOperationException("no preprocessing: batches are prepared normalised");
    }

    @Override
    public MultiDataSetPreProcessor getPreProcessor() {
        return null;
    }

    @Override
    public boolean resetSupported() {
        return true;
    }

    @Override
    public boolean asyncSupported() {
        return false; // prefetching on another thread would only add contention on two cores
    }

    @Override
    public void reset() {
        next = 0;
    }
}
