using System.Text;
using GovTextExtract.Cli;
using Microsoft.Data.Sqlite;

namespace GovTextExtract.Tests.Batch;

/// <summary>A temporary archive and helpers shared by the batch tests.</summary>
public abstract class BatchTestBase : IDisposable
{
    /// <summary>Two targets with their actuals: GDP growth 6.2% against 6%, unemployment 4.9% against at most 5.5%.</summary>
    protected const string TwoRecords = "全年全县实现地区生产总值增长6.2%(目标6%);城镇调查失业率4.9%(目标控制在5.5%以内)。";

    /// <summary>One target (500 charging posts) with its actual (612) and stated rate (122.4%).</summary>
    protected const string OneRecord = "3.新建充电桩500个。全年新建充电桩612个,完成年度目标任务的122.4%。";

    protected BatchTestBase()
    {
        Root = Directory.CreateTempSubdirectory("govtext-batch-").FullName;
        Archive = Path.Combine(Root, "archive");
        Directory.CreateDirectory(Archive);
    }

    protected string Root { get; }

    protected string Archive { get; }

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        Directory.Delete(Root, recursive: true);
        GC.SuppressFinalize(this);
    }

    protected string Write(string relative, string text) => WriteBytes(relative, new UTF8Encoding(false).GetBytes(text));

    protected string WriteBytes(string relative, byte[] bytes)
    {
        var path = Path.Combine(Archive, relative);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllBytes(path, bytes);
        return path;
    }

    /// <summary>Bytes no text encoding reads as text: a pseudo-random sequence with many control bytes.</summary>
    protected static byte[] Binary(int length)
    {
        var bytes = new byte[length];
        var x = 12345u;
        for (var i = 0; i < length; i++)
        {
            x = x * 1103515245 + 12345;
            bytes[i] = (byte)(x >> 16);
        }
        return bytes;
    }

    protected internal static (int Code, string Out, string Err) Run(params string[] args)
    {
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        var code = GovTextCli.Run(args, stdout, stderr);
        return (code, stdout.ToString(), stderr.ToString());
    }

    /// <summary>The rows of a query on a store, each row's columns joined with a tab.</summary>
    protected internal static List<string> Query(string store, string sql)
    {
        using var db = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = store, Mode = SqliteOpenMode.ReadOnly, Pooling = false }.ToString());
        db.Open();
        using var cmd = db.CreateCommand();
        cmd.CommandText = sql;
        using var reader = cmd.ExecuteReader();
        var rows = new List<string>();
        while (reader.Read())
        {
            var cells = new string[reader.FieldCount];
            for (var i = 0; i < cells.Length; i++)
                cells[i] = reader.IsDBNull(i) ? "NULL" : Convert.ToString(reader.GetValue(i), System.Globalization.CultureInfo.InvariantCulture)!;
            rows.Add(string.Join('\t', cells));
        }
        return rows;
    }

    /// <summary>What two runs must agree on: each document's path, content hash and status, and each record's JSON,
    /// sorted; ids, timings and times are left out.</summary>
    protected static List<string> Content(string store) => Query(store,
        "SELECT d.path, d.sha256, d.status, d.failure, r.ordinal, r.json FROM documents d " +
        "LEFT JOIN records r ON r.document_id = d.id ORDER BY d.path, r.ordinal");
}
