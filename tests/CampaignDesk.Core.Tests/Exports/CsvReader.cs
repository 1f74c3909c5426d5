using System.Text;

namespace CampaignDesk.Core.Tests.Exports;

/// <summary>
/// The reading side of RFC 4180 with <c>;</c>, strict enough to check the writer: records end with CRLF, a quoted field
/// doubles its quotes and may hold separators and line breaks, a bare quote or a lone CR or LF outside quotes fails.
/// </summary>
internal static class CsvReader
{
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    public static List<List<string>> Read(byte[] file)
    {
        Assert.That(file.Take(3), Is.EqualTo(new byte[] { 0xEF, 0xBB, 0xBF }), "UTF-8 BOM, for Excel");
        var text = StrictUtf8.GetString(file, 3, file.Length - 3);
        var records = new List<List<string>>();
        var record = new List<string>();
        var field = new StringBuilder();
        var i = 0;
        while (i < text.Length)
        {
            if (text[i] == '"' && field.Length == 0)
            {
                for (i++; !(text[i] == '"' && (i + 1 == text.Length || text[i + 1] != '"')); i++)
                {
                    field.Append(text[i]);
                    i += text[i] == '"' ? 1 : 0;
                }

                i++;
                Assert.That(i == text.Length || text[i] is ';' or '\r', Is.True, $"a quoted field ends at a separator (offset {i})");
                continue;
            }

            switch (text[i])
            {
                case ';':
                    record.Add(field.ToString());
                    field.Clear();
                    i++;
                    break;
                case '\r' when i + 1 < text.Length && text[i + 1] == '\n':
                    record.Add(field.ToString());
                    records.Add(record);
                    (record, field) = ([], new StringBuilder());
                    i += 2;
                    break;
                case '"' or '\r' or '\n':
                    throw new AssertionException($"bare {(int)text[i]} at offset {i} outside quotes");
                default:
                    field.Append(text[i++]);
                    break;
            }
        }

        Assert.That(record.Count == 0 && field.Length == 0, Is.True, "the last record ends with CRLF");
        return records;
    }
}
