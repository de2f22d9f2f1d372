using System.IO.Compression;
using System.Xml.Linq;

namespace Salam.Testing;

/// <summary>
/// The first sheet of an xlsx file read from its XML, as a spreadsheet program reads it: whether it opens right to left,
/// and each cell's stored type, raw value and number format. Tests use it to see what a person opening the file gets.
/// </summary>
public sealed class XlsxSheet
{
    private static readonly XNamespace Main = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";

    private readonly Dictionary<string, XElement> _cells;
    private readonly List<string> _sharedStrings;
    private readonly List<string?> _cellFormats;

    public bool RightToLeft { get; }

    public XlsxSheet(byte[] file)
    {
        using var zip = new ZipArchive(new MemoryStream(file), ZipArchiveMode.Read);
        XDocument Part(string name) => XDocument.Load(zip.GetEntry(name)?.Open() ?? throw new InvalidOperationException($"{name} missing"));
        var sheet = Part("xl/worksheets/sheet1.xml");
        RightToLeft = sheet.Descendants(Main + "sheetView").Any(v => (string?)v.Attribute("rightToLeft") is "1" or "true");
        _cells = sheet.Descendants(Main + "c").ToDictionary(c => (string)c.Attribute("r")!);
        _sharedStrings = zip.GetEntry("xl/sharedStrings.xml") is null ? [] :
            [.. Part("xl/sharedStrings.xml").Root!.Elements(Main + "si").Select(si => string.Concat(si.Descendants(Main + "t").Select(t => t.Value)))];
        var styles = Part("xl/styles.xml");
        var custom = styles.Descendants(Main + "numFmt").ToDictionary(f => (string)f.Attribute("numFmtId")!, f => (string?)f.Attribute("formatCode"));
        _cellFormats = [.. styles.Root!.Element(Main + "cellXfs")!.Elements(Main + "xf")
            .Select(xf => (string?)xf.Attribute("numFmtId") is { } id ? custom.GetValueOrDefault(id) ?? $"builtin:{id}" : null)];
    }

    /// <summary>"n" for a number (dates are numbers), "s"/"str"/"inlineStr" for text, "b" for a boolean.</summary>
    public string Type(string reference) => (string?)_cells[reference].Attribute("t") ?? "n";

    /// <summary>The cell's text as stored: a shared string looked up, a number as written in the XML (invariant).</summary>
    public string Value(string reference)
    {
        var cell = _cells[reference];
        var raw = cell.Element(Main + "v")?.Value ?? string.Concat(cell.Descendants(Main + "t").Select(t => t.Value));
        return Type(reference) == "s" ? _sharedStrings[int.Parse(raw, System.Globalization.CultureInfo.InvariantCulture)] : raw;
    }

    /// <summary>The cell's number format code ("yyyy-mm-dd hh:mm"), "builtin:N" for a built-in one, null for none.</summary>
    public string? Format(string reference) =>
        (string?)_cells[reference].Attribute("s") is { } style ? _cellFormats[int.Parse(style, System.Globalization.CultureInfo.InvariantCulture)] : null;

    /// <summary>The row's cells in column order (A1, B1, ...), for finding a column by its header.</summary>
    public IReadOnlyList<string> Row(int row) =>
        [.. _cells.Keys.Where(r => RowOf(r) == row).OrderBy(r => r.Length).ThenBy(r => r, StringComparer.Ordinal)];

    public static int RowOf(string reference) => int.Parse(reference.TrimStart([.. "ABCDEFGHIJKLMNOPQRSTUVWXYZ"]), System.Globalization.CultureInfo.InvariantCulture);
}
