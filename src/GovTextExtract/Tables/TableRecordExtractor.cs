using GovTextExtract.Lexicons;
using GovTextExtract.Loading;
using GovTextExtract.Quantities;
using GovTextExtract.Records;
using GovTextExtract.Status;

namespace GovTextExtract.Tables;

/// <summary>Reads completion records straight from tables of targets: a table whose header names an indicator
/// column (or a place column: 地区, 市州) and target, actual or rate columns (see <see cref="TableHeaderLexicon"/>) gives
/// one record per data row and indicator group, with the target, actual and rate figures' spans in
/// <see cref="LoadedDocument.Text"/> as evidence.</summary>
/// <remarks>
/// <para>Tables are those the loader found (HTML, DOCX) and plain-text ones elsewhere in the text
/// (<see cref="PlainTextTables"/>). A table may hold several blocks, each under its own header row (or pair of rows:
/// 年度指标值 over 指标性质 | 指标值 | 度量单位); a header may hold several indicator groups, read in the order plan →
/// done → rate (计划完成数 | 累计开工数 | 开工率 | 计划投资额 | 累计完成投资额 | 投资完成率). Under a place column a
/// record is named place + the group's name (长沙市 开工). A plain-text row shorter than its header is aligned by its
/// content (a row without its 序号, a name spanning rows above); a last row the document's end cuts gives a record
/// only with both its target and actual.</para>
/// <para>Cell figures are read with <see cref="QuantityRecognizer"/>; a bare number takes the unit of the row (a 单位
/// column, or the indicator's bracket: 地区生产总值增长（%）), else of its column header (年度目标（亿元）), else of the
/// table (a unit in the naming column's header, or a 单位：万辆 caption above), and a bare actual the unit of its
/// target. When no target column holds a figure, a figure inside the indicator cell (目标任务: 新增城镇就业1万人) is
/// the target. The bound is a 指标性质 column's sign, else a sign opening the target cell (≥95%), else the words'.
/// Under headers of a fall (降低目标, 实际下降) signed changes (-2.50, -4.0~-4.5) are read as the size of the fall.
/// Scores (分值, 得分) and results (考核结果) take no role.</para>
/// <para>Status and computed rate follow <see cref="StatusEvaluator"/>, as the circular pairer uses it, in the
/// indicator's better direction (<see cref="LexiconSet.DirectionOf"/>, turned round for a target written as a fall
/// or an indicator named for one, 能耗降低): met within 0.5% (relative) of the target, inside a ceiling (以内) or a
/// range; exceeded when better; not met when worse; pending for an expected actual that does not beat the target, and
/// for a partial-period actual (1-11月 in the cell or its header, 截至8月底 in the caption) until a count or amount
/// reaches its target (a percentage stays pending); a row with only a completion rate takes its status from the rate. The computed rate
/// is actual / target × 100 (two places) where both are single numbers in compatible units (个 and 家 both count).</para>
/// </remarks>
public static class TableRecordExtractor
{
    private static readonly Lazy<QuantityRecognizer> DefaultRecognizer = new(() => new QuantityRecognizer(LexiconSet.Default));

    /// <summary>Confidence given to table records: the table's structure pairs target and actual explicitly.</summary>
    public const double TableConfidence = 0.9;

    /// <summary>The records of every table of targets in the document, in text order, with the default lexicons.</summary>
    public static IReadOnlyList<CompletionRecord> Extract(LoadedDocument doc) =>
        Extract(doc, LexiconSet.Default, TableHeaderLexicon.Default);

    /// <summary>The records of every table of targets in the document, in text order.</summary>
    /// <param name="doc">The loaded document.</param>
    /// <param name="lexicons">Units, bound words and indicator directions.</param>
    /// <param name="headers">Table header words.</param>
    /// <param name="metTolerancePercent">Relative tolerance, in percent of the target, within which an actual counts
    /// as met. Default 0.5.</param>
    public static IReadOnlyList<CompletionRecord> Extract(LoadedDocument doc, LexiconSet lexicons, TableHeaderLexicon headers,
        decimal metTolerancePercent = 0.5m)
    {
        ArgumentNullException.ThrowIfNull(doc);
        ArgumentNullException.ThrowIfNull(headers);
        return Extract(doc, PlainText(doc, headers), lexicons, headers, metTolerancePercent);
    }

    /// <summary>The records of every table of targets in the document, given its plain-text tables (from
    /// <see cref="PlainTextTablesOf"/>, so that a caller who needs them too finds them once).</summary>
    /// <param name="doc">The loaded document.</param>
    /// <param name="plainTextTables">The document's plain-text tables.</param>
    /// <param name="lexicons">Units, bound words and indicator directions.</param>
    /// <param name="headers">Table header words.</param>
    /// <param name="metTolerancePercent">Relative tolerance, in percent of the target, within which an actual counts
    /// as met. Default 0.5.</param>
    public static IReadOnlyList<CompletionRecord> Extract(LoadedDocument doc, IReadOnlyList<DocumentTable> plainTextTables,
        LexiconSet lexicons, TableHeaderLexicon headers, decimal metTolerancePercent = 0.5m)
    {
        ArgumentNullException.ThrowIfNull(doc);
        ArgumentNullException.ThrowIfNull(plainTextTables);
        ArgumentNullException.ThrowIfNull(lexicons);
        ArgumentNullException.ThrowIfNull(headers);
        var recognizer = ReferenceEquals(lexicons, LexiconSet.Default) ? DefaultRecognizer.Value : new QuantityRecognizer(lexicons);
        var reader = new TableReader(doc.Text, lexicons, headers, recognizer, metTolerancePercent);
        var plain = new HashSet<DocumentTable>(plainTextTables, ReferenceEqualityComparer.Instance);
        var records = new List<CompletionRecord>();
        foreach (var table in doc.Tables.Concat(plain).OrderBy(t => t.Span.Start))
            records.AddRange(reader.Read(table, plain.Contains(table)));
        return records;
    }

    /// <summary>The plain-text tables of the document outside the loader's: bar, tab and space rows and cells one a
    /// line (<see cref="PlainTextTables"/>), then tables flattened into running text with one space between cells
    /// (read by their header words).</summary>
    private static List<DocumentTable> PlainText(LoadedDocument doc, TableHeaderLexicon headers)
    {
        var found = PlainTextTables.Detect(doc.Text, doc.Tables).ToList();
        found.AddRange(SpacedStreams.Find(doc.Text, headers, doc.Tables.Concat(found).ToArray()));
        return found;
    }

    /// <summary>The tables of the document: those the loader found (HTML, DOCX) and the plain-text ones elsewhere in
    /// its text (<see cref="PlainTextTables"/>, and tables flattened into running text with one space between cells,
    /// found by the default header lexicon), in text order.</summary>
    public static IReadOnlyList<DocumentTable> Tables(LoadedDocument doc)
    {
        ArgumentNullException.ThrowIfNull(doc);
        return doc.Tables.Concat(PlainText(doc, TableHeaderLexicon.Default)).OrderBy(t => t.Span.Start).ToArray();
    }

    /// <summary>The plain-text tables of the document outside the loader's (bar, tab and space rows, cells one a line,
    /// tables flattened into running text), found with the default header lexicon.</summary>
    public static IReadOnlyList<DocumentTable> PlainTextTablesOf(LoadedDocument doc)
    {
        ArgumentNullException.ThrowIfNull(doc);
        return PlainText(doc, TableHeaderLexicon.Default);
    }
}
