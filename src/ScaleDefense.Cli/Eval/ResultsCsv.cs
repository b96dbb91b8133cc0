using System.Globalization;
using System.Text;

namespace ScaleDefense.Cli.Eval;

/// <summary>
/// results.csv: one row per case × scaler × measurement, appended and flushed as each (case, scaler)
/// finishes, so an interrupted run loses at most the combination in progress. Reading it back keeps
/// only combinations that reached their <see cref="EvalMeasurement.Complete"/> row.
/// </summary>
internal sealed class ResultsCsv
{
    public const string FileName = "results.csv";
    public const string Header = "case,bucket,beta,source,target,source_size,target_size,scaler,measurement,value,note";

    private readonly string _path;

    public ResultsCsv(string folder) => _path = Path.Combine(folder, FileName);

    public string FilePath => _path;

    /// <summary>
    /// The complete combinations already in the file (empty when there is none). Rows of an
    /// interrupted combination, and a half-written last line, are dropped from the file.
    /// </summary>
    public List<EvalRow> LoadCompleted()
    {
        if (!File.Exists(_path))
        {
            return [];
        }
        string[] lines = File.ReadAllLines(_path);
        if (lines.Length == 0 || lines[0] != Header)
        {
            throw new CliException($"'{_path}' exists but is not an eval results file (its header is not '{Header}'); use another --out or remove it");
        }
        var rows = new List<EvalRow>();
        foreach (string line in lines.Skip(1))
        {
            if (TryParse(line) is { } row)
            {
                rows.Add(row);
            }
        }
        var complete = rows.Where(r => r.Measurement == EvalMeasurement.Complete).Select(r => (r.Case, r.Scaler)).ToHashSet();
        List<EvalRow> kept = rows.Where(r => complete.Contains((r.Case, r.Scaler))).ToList();
        if (kept.Count != lines.Length - 1)
        {
            Rewrite(kept);
        }
        return kept;
    }

    /// <summary>Appends the rows of one finished (case, scaler) in a single write and flushes them to disk.</summary>
    public void Append(IEnumerable<EvalRow> rows)
    {
        var text = new StringBuilder();
        if (!File.Exists(_path) || new FileInfo(_path).Length == 0)
        {
            text.Append(Header).Append('\n');
        }
        foreach (EvalRow row in rows)
        {
            text.Append(Format(row)).Append('\n');
        }
        using var stream = new FileStream(_path, FileMode.Append, FileAccess.Write, FileShare.Read);
        byte[] bytes = Encoding.UTF8.GetBytes(text.ToString());
        stream.Write(bytes);
        stream.Flush(flushToDisk: true);
    }

    private void Rewrite(IEnumerable<EvalRow> rows)
    {
        string temporary = _path + ".tmp";
        File.WriteAllLines(temporary, new[] { Header }.Concat(rows.Select(Format)));
        File.Move(temporary, _path, overwrite: true);
    }

    public static string Format(EvalRow r) => string.Join(',',
        r.Case.ToString(CultureInfo.InvariantCulture), Quote(r.Bucket), r.Beta.ToString("F4", CultureInfo.InvariantCulture), Quote(r.Source), Quote(r.Target),
        r.SourceSize.ToString(), r.TargetSize.ToString(), Quote(r.Scaler), Quote(r.Measurement), EvalRow.FormatValue(r.Value), Quote(r.Note));

    /// <summary>A row, or null for a line that is not one (e.g. cut off by an interrupt).</summary>
    public static EvalRow? TryParse(string line)
    {
        List<string>? fields = Split(line);
        if (fields is not { Count: 11 })
        {
            return null;
        }
        try
        {
            return new EvalRow(int.Parse(fields[0], CultureInfo.InvariantCulture), fields[1], double.Parse(fields[2], CultureInfo.InvariantCulture), fields[3], fields[4],
                               ImageSize.Parse(fields[5]), ImageSize.Parse(fields[6]), fields[7], fields[8], EvalRow.ParseValue(fields[9]), fields[10]);
        }
        catch (FormatException)
        {
            return null;
        }
    }

    private static string Quote(string text) =>
        text.IndexOfAny([',', '"', '\n', '\r']) < 0 ? text : "\"" + text.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";

    // RFC 4180 fields; null when a quote is left open.
    private static List<string>? Split(string line)
    {
        var fields = new List<string>();
        var field = new StringBuilder();
        bool quoted = false;
        for (int i = 0; i < line.Length; i++)
        {
            char ch = line[i];
            if (quoted)
            {
                if (ch == '"' && i + 1 < line.Length && line[i + 1] == '"')
                {
                    field.Append('"');
                    i++;
                }
                else if (ch == '"')
                {
                    quoted = false;
                }
                else
                {
                    field.Append(ch);
                }
            }
            else if (ch == '"')
            {
                quoted = true;
            }
            else if (ch == ',')
            {
                fields.Add(field.ToString());
                field.Clear();
            }
            else
            {
                field.Append(ch);
            }
        }
        if (quoted)
        {
            return null;
        }
        fields.Add(field.ToString());
        return fields;
    }
}
