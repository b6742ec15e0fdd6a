using GovTextExtract.Loading;

namespace GovTextExtract.CrossYear;

/// <summary>Places every report of a folder by the place and year its title and first lines give, and pairs
/// each same-place consecutive-year pair. A file that cannot be loaded or placed, or has no neighbour year, is
/// listed with the reason; one bad file never stops the rest.</summary>
internal sealed class ArchivePairer
{
    private readonly CrossYearPairer _pairer;
    private readonly LoadOptions _load;

    public ArchivePairer(CrossYearPairer pairer, LoadOptions load)
    {
        _pairer = pairer;
        _load = load;
    }

    /// <exception cref="DocumentLoadException">The folder does not exist.</exception>
    public ArchivePairing Pair(string directory)
    {
        if (!Directory.Exists(directory))
            throw new DocumentLoadException(directory, LoadFailure.NotFound, "folder not found");
        var unpaired = new List<UnpairedReport>();
        var placed = new List<(string Path, ReportText Report)>();
        string[] files;
        try
        {
            files = Directory.GetFiles(directory)
                .Where(f => !Path.GetFileName(f).StartsWith('.'))
                .OrderBy(f => f, StringComparer.Ordinal)
                .ToArray();
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new DocumentLoadException(directory, LoadFailure.Unreadable, "folder cannot be listed: " + e.Message, e);
        }
        foreach (var file in files)
        {
            ReportText report;
            try
            {
                report = _pairer.Prepare(DocumentLoader.Load(file, _load));
            }
            catch (DocumentLoadException e)
            {
                unpaired.Add(new UnpairedReport(file, "cannot be loaded: " + e.Message));
                continue;
            }
            var id = report.Identity;
            if (id.Place is null || id.Year is null)
            {
                var missing = id.Place is null && id.Year is null ? "place and year" : id.Place is null ? "place" : "year";
                unpaired.Add(new UnpairedReport(file,
                    $"not placed: the title and first lines give no {missing} of a work report (政府工作报告)"));
                continue;
            }
            placed.Add((file, report));
        }

        var pairs = new List<CrossYearResult>();
        foreach (var group in placed.GroupBy(p => p.Report.Identity.Place!, StringComparer.Ordinal))
        {
            var byYear = new SortedDictionary<int, (string Path, ReportText Report)>();
            foreach (var item in group)
            {
                var year = item.Report.Identity.Year!.Value;
                if (byYear.TryGetValue(year, out var kept))
                {
                    unpaired.Add(new UnpairedReport(item.Path,
                        $"duplicate: {Path.GetFileName(kept.Path)} is already the {year} report of {group.Key}"));
                    continue;
                }
                byYear[year] = item;
            }
            foreach (var (year, item) in byYear)
            {
                var hasNext = byYear.TryGetValue(year + 1, out var next);
                if (hasNext) pairs.Add(_pairer.Pair(item.Report, next.Report));
                if (!hasNext && !byYear.ContainsKey(year - 1))
                    unpaired.Add(new UnpairedReport(item.Path,
                        $"no neighbour: no {year - 1} or {year + 1} report of {group.Key} in the folder"));
            }
        }
        return new ArchivePairing
        {
            Pairs = pairs.OrderBy(p => p.Place, StringComparer.Ordinal).ThenBy(p => p.Year).ToArray(),
            Unpaired = unpaired.OrderBy(u => u.Path, StringComparer.Ordinal).ToArray(),
        };
    }
}
