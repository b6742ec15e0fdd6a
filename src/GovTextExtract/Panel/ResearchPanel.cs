using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using GovTextExtract.Batch;
using GovTextExtract.CrossYear;
using GovTextExtract.Loading;
using GovTextExtract.Normalization;
using GovTextExtract.Records;

namespace GovTextExtract.Panel;

/// <summary>How a panel is built. Every default suits one machine.</summary>
public sealed record PanelOptions
{
    /// <summary>The part of the archive's places this run writes (<c>--shard i/n</c>): a place and all its years go to
    /// one shard, by <see cref="Shard.Of"/> of the normalised place name. Default: the whole archive.</summary>
    public Shard Shard { get; init; } = Shard.All;

    /// <summary>Documents read at once. Default: the number of processors.</summary>
    public int MaxDegreeOfParallelism { get; init; } = Environment.ProcessorCount;

    /// <summary>Places being read or waiting for their rows to be written, at most; with at most two reports of a place
    /// in memory at once, this bounds the documents in flight. Default: 4 × <see cref="MaxDegreeOfParallelism"/>.</summary>
    public int PlacesInFlight { get; init; }

    internal int EffectivePlacesInFlight => PlacesInFlight > 0 ? PlacesInFlight : 4 * Math.Max(1, MaxDegreeOfParallelism);
}

/// <summary>A file of the archive that gave no rows, or was left out, and why.</summary>
/// <param name="Path">The file, relative to the archive.</param>
/// <param name="Reason">Why.</param>
public sealed record PanelIssue(string Path, string Reason);

/// <summary>The outcome of a panel run.</summary>
public sealed record PanelSummary
{
    /// <summary>Files in the archive.</summary>
    public required int Documents { get; init; }
    /// <summary>Files placed by place and year.</summary>
    public required int Placed { get; init; }
    /// <summary>Places of this shard.</summary>
    public required int Places { get; init; }
    /// <summary>Place-years of this shard read for targets.</summary>
    public required int PlaceYears { get; init; }
    /// <summary>Rows written.</summary>
    public required long Rows { get; init; }
    /// <summary>Files not placed, unreadable, or duplicates of a place-year; each with its reason, by path.</summary>
    public required IReadOnlyList<PanelIssue> Issues { get; init; }
}

/// <summary>The live counters of a panel run; written by the run, read from any thread.</summary>
public sealed class PanelProgress
{
    private long _total = -1, _identified, _placeYears = -1, _read, _rows;
    private readonly Stopwatch _clock = new();

    /// <summary>The counters as they are now.</summary>
    public PanelProgressSnapshot Snapshot()
    {
        var total = Interlocked.Read(ref _total);
        var years = Interlocked.Read(ref _placeYears);
        return new PanelProgressSnapshot(total < 0 ? null : total, Interlocked.Read(ref _identified),
            years < 0 ? null : years, Interlocked.Read(ref _read), Interlocked.Read(ref _rows), _clock.Elapsed);
    }

    internal void Start() => _clock.Start();
    internal void SetTotal(long total) => Interlocked.Exchange(ref _total, total);
    internal void Identified() => Interlocked.Increment(ref _identified);
    internal void SetPlaceYears(long n) => Interlocked.Exchange(ref _placeYears, n);
    internal void ReadPlaceYears(long n) => Interlocked.Add(ref _read, n);
    internal void AddRows(long n) => Interlocked.Add(ref _rows, n);
}

/// <summary>The counters of a panel run at one moment.</summary>
/// <param name="Documents">Files of the archive; null until counted.</param>
/// <param name="Identified">Files placed or found unplaceable (the first pass).</param>
/// <param name="PlaceYears">Place-years to read (the second pass); null until the first pass ends.</param>
/// <param name="Read">Place-years read.</param>
/// <param name="Rows">Rows produced.</param>
/// <param name="Elapsed">Time since the run started.</param>
public sealed record PanelProgressSnapshot(long? Documents, long Identified, long? PlaceYears, long Read, long Rows, TimeSpan Elapsed);

/// <summary>Builds the research panel of an archive of government work reports: each report placed by place,
/// level and year; each year's main targets paired with the results the next year's report gives; one row per place
/// × year × indicator (<see cref="PanelRow"/>).</summary>
/// <remarks>Two passes. The first loads every file once, only to read its place and year (the title and first
/// lines), and keeps nothing else. The second reads each place's years in order, holding at most that year's and the
/// next year's reports, and writes each place's rows as soon as the places before it are written: memory is bounded by
/// the documents in flight, not by the archive. Rows come out sorted by place (ordinal), year and item, so the shards of one archive
/// merged (<see cref="PanelMerge"/>) give the same rows as one run.</remarks>
public sealed class ResearchPanel
{
    private readonly ExtractionPipeline _pipeline;
    private readonly CrossYearPairer _pairer;
    private readonly PlaceNames _places = PlaceNames.Default;
    private readonly AbsentTargetReader _absent = AbsentTargetReader.Default;

    /// <summary>Creates a builder over a pipeline (its load options, cross-year scorer and minimum confidence).</summary>
    public ResearchPanel(ExtractionPipeline? pipeline = null)
    {
        _pipeline = pipeline ?? GovText.Pipeline;
        _pairer = _pipeline.CrossYear;
    }

    private sealed record Placement(string Path, string Name, string? Place, string? Level, int? Year, string? Problem)
    {
        /// <summary>What the loader noticed (a cut at the text cap, a charset it did not trust).</summary>
        public IReadOnlyList<string> Warnings { get; init; } = [];
    }

    /// <summary>Builds the panel of the archive folder (its files, in sub-folders too; hidden files are skipped)
    /// and hands every row, in order, to <paramref name="write"/> (called from one thread at a time).</summary>
    /// <exception cref="DocumentLoadException">The folder does not exist or cannot be listed.</exception>
    public PanelSummary Build(string archive, Action<PanelRow> write, PanelOptions? options = null, PanelProgress? progress = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(archive);
        ArgumentNullException.ThrowIfNull(write);
        options ??= new PanelOptions();
        progress ??= new PanelProgress();
        progress.Start();
        var files = ListFiles(archive);
        progress.SetTotal(files.Length);

        // Pass 1: where and when each report is of.
        var placements = new Placement[files.Length];
        var parallel = new ParallelOptions { MaxDegreeOfParallelism = Math.Max(1, options.MaxDegreeOfParallelism), CancellationToken = cancellationToken };
        ForEach(files.Length, parallel, i =>
        {
            placements[i] = Place(archive, files[i]);
            progress.Identified();
        });

        var issues = new List<PanelIssue>();
        foreach (var p in placements.Where(p => p.Problem is not null)) issues.Add(new PanelIssue(p.Name, p.Problem!));
        foreach (var p in placements) issues.AddRange(p.Warnings.Select(w => new PanelIssue(p.Name, "load warning: " + w)));
        var placed = placements.Where(p => p.Problem is null).ToArray();
        var places = new List<PlaceYears>();
        foreach (var group in placed.GroupBy(p => p.Place!, StringComparer.Ordinal).OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            var years = new SortedDictionary<int, (Placement Report, string? Duplicates)>();
            foreach (var year in group.GroupBy(p => p.Year!.Value))
            {
                var ordered = year.OrderBy(p => p.Name, StringComparer.Ordinal).ToArray();
                var others = ordered.Skip(1).Select(p => p.Name).ToArray();
                foreach (var other in others)
                    issues.Add(new PanelIssue(other, $"duplicate: {ordered[0].Name} is already the {year.Key} report of {group.Key}; this file is not read (the rows name it in duplicates)"));
                years[year.Key] = (ordered[0], others.Length == 0 ? null : string.Join(';', others));
            }
            if (options.Shard.Contains(group.Key)) places.Add(new PlaceYears(group.Key, group.First().Level, years));
        }
        progress.SetPlaceYears(places.Sum(p => p.Years.Count));

        // Pass 2: places read in parallel, at most a window of them at once; their rows written in place order as
        // soon as every place before them is written. A place takes a slot of the window before it is handed to a
        // reader, in order, so the place whose rows are next is always being read or done.
        long rows = 0;
        var window = new SemaphoreSlim(options.EffectivePlacesInFlight);
        var results = places.Select(_ => new TaskCompletionSource<(List<PanelRow> Rows, List<PanelIssue> Issues)>(
            TaskCreationOptions.RunContinuationsAsynchronously)).ToArray();
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        IEnumerable<int> InOrder()
        {
            for (var i = 0; i < places.Count; i++)
            {
                window.Wait(stop.Token);
                yield return i;
            }
        }
        var readers = Task.Run(() =>
        {
            try
            {
                Parallel.ForEach(Partitioner.Create(InOrder(), EnumerablePartitionerOptions.NoBuffering),
                    new ParallelOptions { MaxDegreeOfParallelism = parallel.MaxDegreeOfParallelism, CancellationToken = stop.Token }, i =>
                    {
                        try
                        {
                            results[i].SetResult(ReadPlace(places[i], stop.Token));
                            progress.ReadPlaceYears(places[i].Years.Count);
                        }
                        catch (Exception e)
                        {
                            results[i].SetException(e);
                        }
                    });
            }
            catch (Exception e)
            {
                // A stop request: every place not yet read ends with it, so the writer below stops waiting.
                foreach (var r in results) r.TrySetException(e);
            }
        }, CancellationToken.None);
        try
        {
            for (var i = 0; i < places.Count; i++)
            {
                var (placeRows, placeIssues) = Await(results[i].Task, cancellationToken);
                foreach (var row in placeRows) write(row);
                rows += placeRows.Count;
                progress.AddRows(placeRows.Count);
                issues.AddRange(placeIssues);
                window.Release();
            }
        }
        finally
        {
            // The readers stop (a failed write, a stop request) before the window they wait on goes away.
            stop.Cancel();
            window.Release(places.Count + 1);
            readers.GetAwaiter().GetResult();
            window.Dispose();
        }
        return new PanelSummary
        {
            Documents = files.Length,
            Placed = placed.Length,
            Places = places.Count,
            PlaceYears = places.Sum(p => p.Years.Count),
            Rows = rows,
            Issues = issues.OrderBy(i => i.Path, StringComparer.Ordinal).ThenBy(i => i.Reason, StringComparer.Ordinal).ToArray(),
        };
    }

    /// <summary>The result of a read, or the stop request that ended it as one <see cref="OperationCanceledException"/>.</summary>
    private static T Await<T>(Task<T> task, CancellationToken cancellationToken)
    {
        try
        {
            task.Wait(cancellationToken);
        }
        catch (AggregateException e) when (e.Flatten().InnerExceptions.All(x => x is OperationCanceledException))
        {
            throw new OperationCanceledException("the panel run was stopped", e, cancellationToken);
        }
        catch (AggregateException e) when (e.InnerExceptions.Count == 1)
        {
            System.Runtime.ExceptionServices.ExceptionDispatchInfo.Capture(e.InnerExceptions[0]).Throw();
        }
        return task.Result;
    }

    /// <summary>Parallel.For that reports a stop request as one <see cref="OperationCanceledException"/>, not as an
    /// <see cref="AggregateException"/> of the bodies that saw it.</summary>
    private static void ForEach(int count, ParallelOptions options, Action<int> body)
    {
        try
        {
            Parallel.For(0, count, options, body);
        }
        catch (AggregateException e) when (options.CancellationToken.IsCancellationRequested
                                           && e.Flatten().InnerExceptions.All(x => x is OperationCanceledException))
        {
            throw new OperationCanceledException("the panel run was stopped", e, options.CancellationToken);
        }
    }

    private sealed record PlaceYears(string Place, string? Level, SortedDictionary<int, (Placement Report, string? Duplicates)> Years);

    private static string[] ListFiles(string archive)
    {
        if (!Directory.Exists(archive))
            throw new DocumentLoadException(archive, LoadFailure.NotFound, "folder not found");
        try
        {
            var root = Path.GetFullPath(archive);
            return Directory.EnumerateFiles(root, "*", SearchOption.AllDirectories)
                .Where(f => !Path.GetRelativePath(root, f).Split(Path.DirectorySeparatorChar).Any(part => part.StartsWith('.')))
                .OrderBy(f => Path.GetRelativePath(root, f), StringComparer.Ordinal)
                .ToArray();
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new DocumentLoadException(archive, LoadFailure.Unreadable, "folder cannot be listed: " + e.Message, e);
        }
    }

    private static string NameOf(string archive, string file) =>
        Path.GetRelativePath(Path.GetFullPath(archive), file).Replace(Path.DirectorySeparatorChar, '/');

    private Placement Place(string archive, string file)
    {
        var name = NameOf(archive, file);
        try
        {
            var document = DocumentLoader.Load(file, _pipeline.Options.Load);
            var text = TextNormalizer.Normalize(document.Text).Text;
            var identity = ReportIdentity.Of(text);
            var (place, level) = _places.Normalize(identity.Place);
            // A title that names no place of its own (政府工作报告, 全市…): the document's city from its opening
            // lines (XX市人民政府).
            if (place is null && identity.Year is not null) (place, level) = _places.Normalize(_places.OpeningPlace(text));
            if (place is null || identity.Year is null)
            {
                var missing = place is null && identity.Year is null ? "place and year" : place is null ? "place" : "year";
                return new Placement(file, name, null, null, null,
                    $"not placed: the title and first lines give no {missing} of a work report (政府工作报告)");
            }
            return new Placement(file, name, place, level, identity.Year, null) { Warnings = document.Warnings };
        }
        catch (DocumentLoadException e)
        {
            return new Placement(file, name, null, null, null, "cannot be loaded: " + e.Message);
        }
        catch (Exception e) when (e is not OperationCanceledException and not OutOfMemoryException)
        {
            // One bad file never stops the run: it is named with what went wrong.
            return new Placement(file, name, null, null, null, $"cannot be placed: {e.GetType().Name}: {e.Message}");
        }
    }

    private ReportText? Prepare(Placement p, List<PanelIssue> issues)
    {
        try
        {
            var document = DocumentLoader.Load(p.Path, _pipeline.Options.Load) with { Name = p.Name };
            return _pairer.Prepare(document);
        }
        catch (DocumentLoadException e)
        {
            issues.Add(new PanelIssue(p.Name, "cannot be loaded: " + e.Message));
            return null;
        }
        catch (Exception e) when (e is not OperationCanceledException and not OutOfMemoryException)
        {
            issues.Add(new PanelIssue(p.Name, $"cannot be read: {e.GetType().Name}: {e.Message}"));
            return null;
        }
    }

    private (List<PanelRow>, List<PanelIssue>) ReadPlace(PlaceYears place, CancellationToken cancellationToken)
    {
        var rows = new List<PanelRow>();
        var issues = new List<PanelIssue>();
        ReportText? carried = null;
        int? carriedYear = null;
        foreach (var (year, (report, duplicates)) in place.Years)
        {
            // A stop request ends the run within one report's reading, not one place's.
            cancellationToken.ThrowIfCancellationRequested();
            var current = carriedYear == year ? carried : Prepare(report, issues);
            carried = null;
            carriedYear = null;
            if (current is null) continue;
            ReportText? next = null;
            if (place.Years.TryGetValue(year + 1, out var following))
            {
                next = Prepare(following.Report, issues);
                carried = next;
                carriedYear = year + 1;
            }
            try
            {
                rows.AddRange(ReadYear(place, year, current, next, duplicates));
            }
            catch (Exception e) when (e is not OperationCanceledException and not OutOfMemoryException)
            {
                // A batch never loses a result: the place's other years go on; the failure is named.
                issues.Add(new PanelIssue(report.Name, $"the {year} targets could not be read: {e.GetType().Name}: {e.Message}"));
            }
        }
        return (rows, issues);
    }

    private IEnumerable<PanelRow> ReadYear(PlaceYears place, int year, ReportText current, ReportText? next, string? duplicates)
    {
        var targets = _pairer.ReadTargets(current);
        var records = next is null ? _pairer.TargetRecords(current) : _pairer.Pair(current, next).Records;
        var minConfidence = _pipeline.Options.MinConfidence;
        var rows = new List<PanelRow>();
        var item = 0;
        for (var i = 0; i < records.Count; i++)
        {
            var r = records[i];
            if (r.Confidence < minConfidence) continue;
            var target = records.Count == targets.Count ? targets[i] : null;
            var subject = target?.Mention.Subject;
            var id = subject is null || subject.Raw || subject.Qualifier is not null ? null
                : PanelIndicators.IdOf(subject.Group, target!.Mention.Measure);
            rows.Add(new PanelRow
            {
                Place = place.Place,
                Level = place.Level,
                Year = year,
                Item = ++item,
                IndicatorId = id,
                IndicatorRaw = r.Indicator,
                TargetText = r.Target?.Text,
                TargetValue = r.Target?.Value,
                TargetLow = r.Target?.Low,
                TargetHigh = r.Target?.High,
                TargetUnit = r.Target?.Unit,
                TargetBound = r.Target is { } t ? Snake(t.Bound.ToString()) : null,
                ActualText = r.Actual?.Text,
                ActualValue = r.Actual?.Value,
                ActualUnit = r.Actual?.Unit,
                ActualEstimate = r.Actual?.Estimate,
                Status = Snake(r.Status.ToString()),
                Gap = Gap(r.Target, r.Actual),
                TargetDocument = current.Document.Name,
                ActualDocument = next?.Document.Name,
                TargetStart = r.Evidence.Target?.Start,
                TargetLength = r.Evidence.Target?.Length,
                ActualStart = r.Evidence.Actual?.Start,
                ActualLength = r.Evidence.Actual?.Length,
                Duplicates = duplicates,
                Flags = r.Flags.Count == 0 ? null : string.Join(';', r.Flags.Select(f => f.Code).Distinct()),
                Confidence = r.Confidence,
            });
        }
        foreach (var absent in _absent.Read(current.Text))
        {
            if (rows.Any(r => r.IndicatorId == absent.IndicatorId)) continue;
            var actual = next is null ? null : ActualOf(next, year, absent);
            var span = current.ToOriginal(absent.Span);
            rows.Add(new PanelRow
            {
                Place = place.Place,
                Level = place.Level,
                Year = year,
                Item = ++item,
                IndicatorId = absent.IndicatorId,
                IndicatorRaw = absent.Measure == Measure.Growth ? absent.Group.Name + "增长" : absent.Group.Name,
                TargetPresence = "absent",
                TargetText = current.OriginalText(absent.Span),
                ActualText = actual is null ? null : next!.OriginalText(actual.Span),
                ActualValue = actual?.Value,
                ActualUnit = actual?.Unit,
                ActualEstimate = actual?.Estimate,
                Status = "unknown",
                TargetDocument = current.Document.Name,
                ActualDocument = next?.Document.Name,
                TargetStart = span.Start,
                TargetLength = span.Length,
                ActualStart = actual is null ? null : next!.ToOriginal(actual.Span).Start,
                ActualLength = actual is null ? null : next!.ToOriginal(actual.Span).Length,
                Duplicates = duplicates,
                Flags = actual is null ? null : "absent_target",
                Confidence = actual is null ? 0.9 : 0.7,
            });
        }
        return rows;
    }

    /// <summary>The next report's figure for an indicator whose target the report explicitly left out.</summary>
    private Mention? ActualOf(ReportText next, int year, AbsentTarget absent) =>
        _pairer.ReadActualCandidates(next, year, [])
            .Where(c => !c.PeriodEnd && c.Mention.Value is not null && !c.Mention.Subject.Raw && c.Mention.Subject.Qualifier is null
                        && ReferenceEquals(c.Mention.Subject.Group, absent.Group) && c.Mention.Measure == absent.Measure)
            .Select(c => c.Mention)
            .FirstOrDefault();

    /// <summary>Actual − target in the target's unit; a range: 0 inside it, else the signed distance to the nearer end.</summary>
    internal static decimal? Gap(TargetValue? target, ActualValue? actual)
    {
        if (target is null || actual?.Value is not { } a) return null;
        if (target.Unit != actual.Unit)
        {
            if (target.Unit is null || actual.Unit is null) return null;
            if (CrossYearLexicon.Default.ConversionFactor(actual.Unit, target.Unit) is not { } f) return null;
            a *= f;
        }
        decimal gap;
        if (target.Value is { } v) gap = a - v;
        else if (target.Low is { } lo && target.High is { } hi) gap = a < lo ? a - lo : a > hi ? a - hi : 0m;
        else return null;
        return Math.Round(gap, 8, MidpointRounding.AwayFromZero);
    }

    private static string Snake(string name) => JsonNamingPolicy.SnakeCaseLower.ConvertName(name);
}
