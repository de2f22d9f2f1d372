using System.Text;

namespace Salam.Count.Files;

/// <summary>A ballot file as text: UTF-8 (a BOM is dropped), LF or CRLF; invalid UTF-8 is refused with its line.</summary>
public static class TextLines
{
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    public static string Decode(byte[] content)
    {
        var start = content.AsSpan().StartsWith(Encoding.UTF8.Preamble) ? Encoding.UTF8.Preamble.Length : 0;
        try
        {
            return StrictUtf8.GetString(content, start, content.Length - start);
        }
        catch (DecoderFallbackException error)
        {
            // The decoder's index is within the bytes it was given: count the line feeds before it.
            var offset = start + Math.Max(error.Index, 0);
            var line = 1 + content.AsSpan(0, Math.Min(offset, content.Length)).Count((byte)'\n');
            throw new BallotFileException(line, "not valid UTF-8 text (save the file as UTF-8)");
        }
    }

    /// <summary>The lines of <paramref name="text"/> without their line breaks; line i of the file is element i − 1.</summary>
    public static string[] Split(string text)
    {
        var lines = text.Split('\n');
        for (var i = 0; i < lines.Length; i++) lines[i] = lines[i].TrimEnd('\r');
        return lines;
    }
}
