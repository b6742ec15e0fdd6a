using System.Globalization;

namespace GovTextExtract.Loading.Fuzzing;

/// <summary>The peak resident memory of this process over one stretch of work, from Linux's <c>VmHWM</c>, which
/// writing <c>5</c> to <c>/proc/self/clear_refs</c> resets; elsewhere (or where /proc is closed) the peak of the
/// managed heap, sampled, stands in.</summary>
internal sealed class PeakMemory : IDisposable
{
    private readonly bool _proc;
    private readonly Timer? _sampler;
    private long _sampledPeak;

    private PeakMemory(bool proc)
    {
        _proc = proc;
        if (!proc)
        {
            _sampledPeak = GC.GetTotalMemory(false);
            _sampler = new Timer(_ => Sample(), null, TimeSpan.Zero, TimeSpan.FromMilliseconds(20));
        }
    }

    /// <summary>Starts measuring: memory kept from earlier work is given back first when it is large, so that it
    /// does not count against this stretch.</summary>
    public static PeakMemory Start()
    {
        if (Environment.WorkingSet > 512L * 1024 * 1024)
            GC.Collect(GC.MaxGeneration, GCCollectionMode.Aggressive, blocking: true, compacting: true);
        try
        {
            File.WriteAllText("/proc/self/clear_refs", "5");
            return new PeakMemory(proc: true);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or NotSupportedException)
        {
            return new PeakMemory(proc: false);
        }
    }

    private void Sample()
    {
        var now = GC.GetTotalMemory(false);
        if (now > Interlocked.Read(ref _sampledPeak)) Interlocked.Exchange(ref _sampledPeak, now);
    }

    /// <summary>The peak since <see cref="Start"/>, in bytes.</summary>
    public long Peak()
    {
        if (!_proc)
        {
            Sample();
            return Interlocked.Read(ref _sampledPeak);
        }
        try
        {
            foreach (var line in File.ReadLines("/proc/self/status"))
                if (line.StartsWith("VmHWM:", StringComparison.Ordinal))
                    return long.Parse(line[6..].Trim().Split(' ')[0], CultureInfo.InvariantCulture) * 1024;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or FormatException)
        {
        }
        return Environment.WorkingSet;
    }

    /// <inheritdoc/>
    public void Dispose() => _sampler?.Dispose();
}
