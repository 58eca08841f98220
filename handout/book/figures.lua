-- pandoc filter for the HTML book (tools/handout.sh): puts the figures of
-- handout/book/figures.txt into a page. The metadata "book-figures" names
-- the list of those that were drawn (lines "CHAPTER|NAME.svg|AFTER|
-- CAPTION"), "book-chapter" the chapter (none: every line, for the
-- one-page book). Each figure goes after the first top-level block whose
-- text contains AFTER, linked to its SVG (to see it full size); a
-- figure with no such block is a warning.
local function esc(s)
  return (s:gsub("&", "&amp;"):gsub("<", "&lt;"):gsub(">", "&gt;")
    :gsub('"', "&quot;"))
end

local function text_of(b)
  if b.t == "CodeBlock" then
    return b.text
  end
  return pandoc.utils.stringify(b)
end

function Pandoc(doc)
  local list = doc.meta["book-figures"]
  if not list then
    return nil
  end
  local chapter = doc.meta["book-chapter"]
  chapter = chapter and pandoc.utils.stringify(chapter) or ""
  local f = io.open(pandoc.utils.stringify(list), "r")
  if not f then
    return nil
  end
  local figs = {}
  for line in f:lines() do
    local c, svg, after, caption =
      line:match("^([^|]*)|([^|]*)|([^|]*)|(.*)$")
    if c and (chapter == "" or c == chapter) then
      figs[#figs + 1] = { svg = svg, after = after, caption = caption }
    end
  end
  f:close()
  local blocks = {}
  local placed = {}
  for _, b in ipairs(doc.blocks) do
    blocks[#blocks + 1] = b
    local t = text_of(b)
    for i, fig in ipairs(figs) do
      if not placed[i] and t:find(fig.after, 1, true) then
        placed[i] = true
        blocks[#blocks + 1] = pandoc.RawBlock("html",
          '<figure class="book-figure"><a href="figures/' .. esc(fig.svg) ..
          '"><img src="figures/' .. esc(fig.svg) .. '" alt="' ..
          esc(fig.caption) .. '"></a><figcaption>' ..
          esc(fig.caption) .. '</figcaption></figure>')
      end
    end
  end
  for i, fig in ipairs(figs) do
    if not placed[i] then
      io.stderr:write("figures.lua: no block of " .. chapter ..
        " contains \"" .. fig.after .. "\" for " .. fig.svg .. "\n")
    end
  end
  doc.blocks = blocks
  return doc
end
