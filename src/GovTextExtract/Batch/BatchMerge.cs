namespace GovTextExtract.Batch;

/// <summary>Merges batch stores (e.g. the shards of one archive run on several machines) into one.</summary>
public static class BatchMerge
{
    /// <summary>Writes a new store holding the documents of all <paramref name="sources"/>: built in a hidden
    /// temporary file beside <paramref name="output"/> and moved into place when complete, so a failure leaves no
    /// partial store.</summary>
    /// <remarks>A key held by several sources keeps the better outcome: extracted over failed, then, when the
    /// contents differ, the one processed last (such keys are listed in <see cref="MergeSummary.Conflicts"/>). Shards of
    /// one archive never share a key, so their merge equals one run over the whole archive.</remarks>
    /// <param name="output">The store to write.</param>
    /// <param name="sources">The stores to read.</param>
    /// <param name="overwrite">Replace <paramref name="output"/> when it exists.</param>
    /// <exception cref="BatchStoreException">A source is missing or not a store, or the output cannot be written or
    /// exists and <paramref name="overwrite"/> is false.</exception>
    public static MergeSummary Merge(string output, IReadOnlyList<string> sources, bool overwrite = false)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(sources);
        var full = AtomicFile.FullPath(output);
        if (File.Exists(full) && !overwrite)
            throw new BatchStoreException(output, "exists; give a new file name or --force to replace it");
        var sourcePaths = sources.Select(Path.GetFullPath).ToArray();
        foreach (var (given, path) in sources.Zip(sourcePaths))
        {
            var type = Loading.FileTypes.Of(path);
            if (Loading.FileTypes.IsSpecial(type))
                throw new BatchStoreException(given, $"is {Loading.FileTypes.Describe(type)}, not a store file; only regular files are read");
            if (!File.Exists(path))
                throw new BatchStoreException(given, "store not found");
            if (path == full || Loading.FileTypes.SameFile(path, full))
                throw new BatchStoreException(given, "is also the output; write the merge to a new file");
        }
        var temp = AtomicFile.TempPath(full);
        try
        {
            int added = 0, replaced = 0, kept = 0;
            var conflicts = new List<string>();
            StoreCounts counts;
            // OUT's own lock: no batch or other merge writes it while this one replaces it.
            using var outLock = StoreLock.Acquire(full, output);
            BatchStore store;
            try
            {
                store = BatchStore.Open(temp, durable: false);
            }
            catch (BatchStoreException e)
            {
                throw new BatchStoreException(output, e.Problem.Replace(temp, output, StringComparison.Ordinal), e);
            }
            using (store)
            {
                foreach (var (given, path) in sources.Zip(sourcePaths))
                {
                    MergeCounts c;
                    try
                    {
                        c = store.MergeFrom(path);
                    }
                    catch (BatchStoreException e) when (e.Path != given)
                    {
                        throw new BatchStoreException(given, e.Problem, e);
                    }
                    added += c.Added;
                    replaced += c.Replaced;
                    kept += c.Kept;
                    conflicts.AddRange(c.Conflicts);
                }
                counts = store.Counts();
            }
            AtomicFile.FlushToDisk(temp);
            File.Move(temp, full, overwrite);
            return new MergeSummary(sources.Count, counts, added, replaced, kept, conflicts);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            AtomicFile.TryDelete(temp);
            throw new BatchStoreException(output, "cannot write: " + AtomicFile.Reason(e), e);
        }
        catch
        {
            AtomicFile.TryDelete(temp);
            throw;
        }
    }
}

/// <summary>What a merge wrote.</summary>
/// <param name="Sources">Stores read.</param>
/// <param name="Counts">The documents and records of the merged store.</param>
/// <param name="Added">Documents taken from a source that no earlier source held.</param>
/// <param name="Replaced">Documents that replaced an earlier source's document of the same key.</param>
/// <param name="Kept">Documents of a source left out because an earlier source's document of the same key was kept.</param>
/// <param name="Conflicts">Keys extracted in several sources from different contents.</param>
public sealed record MergeSummary(int Sources, StoreCounts Counts, int Added, int Replaced, int Kept, IReadOnlyList<string> Conflicts);
