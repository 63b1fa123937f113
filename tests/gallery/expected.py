"""What `check` must say for each refused input in cases.py: every line exactly, file:line:col: field: message.

Read and checked by hand against each input; regenerate only after checking each changed line."""
EXPECTED: dict[str, tuple[str, ...]] = {'300-character id': ('data/areas.yml:10:9: areas[3].id: This id is 300 characters long. Use 60 or fewer, like '
                      '"east-surrey".',),
 '5,000-deep nesting': ('data/areas.yml:1:47: (file): The lists and groups here go more than 40 levels deep. Check the '
                        'indents.',),
 'Latin-1 byte': ('data/forums.yml:25:79: (file): This line has a character that is not plain text (UTF-8), byte 0xe9. '
                  'Type the character again, or save the file as UTF-8.',),
 'NUL byte': ('data/site.yml:3:21: (file): This line has a hidden control character (U+0000). Delete it and type the '
              'text again.',),
 'TAG directive': ('data/site.yml:2:1: (file): Delete this line starting with %. The site reads every file as YAML '
                   '1.2, with no directives.',),
 'YAML 1.1 directive': ('data/site.yml:2:1: (file): Delete this line starting with %. The site reads every file as '
                        'YAML 1.2, with no directives.',),
 'a data file nothing reads': ('data/forum.yml:1:1: (file): Nothing reads this file, so it would be lost. Move it out '
                               'of data/ or check its name.',),
 'a key written twice': ('data/site.yml:6:1: organisation_short: "organisation_short" is written twice in the same '
                         'place. Keep one and delete the other.',),
 'a missing data file': ('data/areas.yml:1:1: (file): This file is missing. The site needs it: create it or restore it '
                         'from git.',),
 'a missing field': ('data/areas.yml:10:5: areas[3].name: "name" is missing. Add a line "name: ..." here.',),
 'a misspelt field': ('data/areas.yml:10:5: areas[3].name: "name" is missing. Add a line "name: ..." here.',
                      'data/areas.yml:11:5: areas[3].nmae: "nmae" is not a field we know. Check the spelling, or '
                      'delete it. Fields allowed here: id, name, other_names.'),
 'a person who does not exist': ('data/meetings/2026-02-26-development-group.yml:9:8: chair: The chair "amira-khan" '
                                 'must also be in the list of people who came.',
                                 'data/meetings/2026-02-26-development-group.yml:10:12: attended[1]: "amira-kahn" is '
                                 'not a member of the Trust Communities Development Group. Use one of: adviser-1, '
                                 'adviser-2, amira-khan, david-owen, helen-cho, lucy-hart, mark-bell, priya-shah, '
                                 'ruth-evans, tom-reid. Or add them to its members in data/bodies.yml.'),
 'alias bomb': ('data/areas.yml:6:12: (file): This file would hold too many values once the copies marked with * are '
                'filled in. Write it out in full.',),
 'an area that does not exist': ('data/forums.yml:55:11: forums[3].area: There is no area with the id "surrey-hills". '
                                 'Use one of: east-surrey, farnham-northeast-hants, guildford-waverley, '
                                 'northwest-surrey, surrey-downs. Or add it to data/areas.yml.',),
 'attendance for a meeting after today': ('data/meetings/2026-11-26-development-group.yml:3:1: chair: "chair" is '
                                          'missing. Say who chaired the meeting, by member id.',
                                          'data/meetings/2026-11-26-development-group.yml:3:1: summary: "summary" is '
                                          'missing. Add an easy-read summary of the meeting.',
                                          'data/meetings/2026-11-26-development-group.yml:9:11: attended: This meeting '
                                          'is on 2026-11-26, after today (2026-11-22), so it has not happened yet. '
                                          'Delete "attended" until after the meeting, or check the date.'),
 'bell character in a summary': ('data/forums.yml:18:14: forums[1].summary: This text has a hidden character (U+0007) '
                                 'after "A friendly". Delete it and type the words again.',),
 'broken indent': ("data/areas.yml:11:4: (file): The file layout is broken here (did not find expected '-' "
                   'indicator). Check the indents, colons and quote marks.',),
 'data link in a Markdown field': ('data/toolkits/01-evaluation-tool.yml:15:12: sections[1].intro: This link is not '
                                   'allowed: data:text/html;base64,PHNjcmlwdD4=. Links start with https:, mailto:, '
                                   'tel: or sms:, or point to a page of this site.',),
 'date written the British way': ('data/feedback.yml:43:13: items[2].raised: Enter a date like 2026-03-04 '
                                  '(year-month-day).',),
 'email breaking out of mailto': ('data/site.yml:10:10: contact.email: Enter an email address like name@example.org.',),
 'email with a script': ('data/site.yml:10:10: contact.email: Enter an email address like name@example.org.',),
 'email without @': ('data/site.yml:10:10: contact.email: Enter an email address like name@example.org.',),
 'empty file': ('data/areas.yml:1:1: (file): This file is empty. Add its data, or delete the file.',),
 'empty title': ('data/site.yml:3:1: title: "title" is empty. Write its value after "title:" on the same line, or '
                 'delete the line.',),
 'escape byte': ('data/glossary.yml:8:20: (file): This line has a hidden control character (U+001B). Delete it and '
                 'type the text again.',),
 'feedback raised on a day the forum did not meet': ('data/feedback.yml:32:13: items[1].raised: This forum met on '
                                                     '2026-01-06 in round 1, not on 2026-01-08. Write the day it '
                                                     'met.',),
 'file name and date differ': ('data/meetings/2026-02-26-development-group.yml:4:7: date: The file name says one date, '
                               'but this says 2026-02-27. Name the file 2026-02-27-development-group.yml.',),
 'file too big': ('data/glossary.yml:1:1: (file): This file is too big (1120 kB; the most is 1000 kB). Split it into '
                  'smaller files.',),
 'handler in a content page': ('content/take-part.md:3:13: (file): Pages cannot hold "onerror=": it could run a '
                               "program in the reader's browser. Write links like [words](https://example.org), and "
                               'delete the HTML.',),
 'id with capitals': ('data/areas.yml:10:9: areas[3].id: Use small letters, digits and dashes only, like '
                      '"east-surrey".',),
 'iframe in a content page': ('content/take-part.md:3:1: (file): Pages cannot hold "<iframe": it could run a program '
                              "in the reader's browser. Write links like [words](https://example.org), and delete the "
                              'HTML.',),
 'javascript link in a Markdown field': ('data/toolkits/01-evaluation-tool.yml:15:12: sections[1].intro: This link is '
                                         'not allowed: javascript:alert(1. Links start with https:, mailto:, tel: or '
                                         'sms:, or point to a page of this site.',),
 'javascript link in a content page': ('content/take-part.md:3:9: (file): Pages cannot hold "javascript:": it could '
                                       "run a program in the reader's browser. Write links like "
                                       '[words](https://example.org), and delete the HTML.',),
 'line separator in a name': ('data/areas.yml:11:11: areas[3].name: This text has a hidden character (U+2028) after '
                              '"Surrey". Delete it and type the words again.',),
 'link definition in a Markdown field': ('data/toolkits/01-evaluation-tool.yml:15:12: sections[1].intro: Write links '
                                         'like [words](https://example.org). Pictures and link lists are not allowed '
                                         'here.',),
 'local tag': ('data/areas.yml:11:11: (file): Delete the tag "!area". Data files hold plain values only, with no tags '
               'starting with !.',),
 'malformed block marker': ('content/index.md:61:1: (file): This marker is not written right, so it would stay in the '
                            'page. Write it alone on its line, like <!-- generated: contact -->, with one of: '
                            'accessibility-status, coming-meetings, contact, evaluation, feedback-form, forum-list, '
                            'news-signup, other-ways, paper-topics, post-address, travel-money, venue-access, '
                            'what-happens.',),
 'many aliases': ('data/areas.yml:2:209: (file): This file uses more than 50 copies marked with *. Write the values '
                  'out in full.',),
 'marker without a colon': ('content/index.md:61:1: (file): This marker is not written right, so it would stay in the '
                            'page. Write it alone on its line, like <!-- generated: contact -->, with one of: '
                            'accessibility-status, coming-meetings, contact, evaluation, feedback-form, forum-list, '
                            'news-signup, other-ways, paper-topics, post-address, travel-money, venue-access, '
                            'what-happens.',),
 'minutes for a meeting after today': ('data/meetings/2026-11-26-development-group.yml:3:1: chair: "chair" is missing. '
                                       'Say who chaired the meeting, by member id.',
                                       'data/meetings/2026-11-26-development-group.yml:3:1: summary: "summary" is '
                                       'missing. Add an easy-read summary of the meeting.',
                                       'data/meetings/2026-11-26-development-group.yml:27:3: minutes: This meeting is '
                                       'on 2026-11-26, after today (2026-11-22), so it has not happened yet. Delete '
                                       '"minutes" until after the meeting, or check the date.'),
 'mistakes in 3 stages at once': ('data/glossary.yml:6:3: (file): The file layout is broken here (did not find '
                                  'expected node content). Check the indents, colons and quote marks.',
                                  'data/meetings/2026-02-26-development-group.yml:9:8: chair: The chair "amira-khan" '
                                  'must also be in the list of people who came.',
                                  'data/meetings/2026-02-26-development-group.yml:10:12: attended[1]: "amira-kahn" is '
                                  'not a member of the Trust Communities Development Group. Use one of: adviser-1, '
                                  'adviser-2, amira-khan, david-owen, helen-cho, lucy-hart, mark-bell, priya-shah, '
                                  'ruth-evans, tom-reid. Or add them to its members in data/bodies.yml.',
                                  'data/site.yml:10:10: contact.email: Enter an email address like name@example.org.'),
 'negative votes': ('data/feedback.yml:35:12: items[1].votes: This number is out of range: input should be greater '
                    'than or equal to 0.',),
 'newline in a forum name (calendar)': ('data/forums.yml:16:11: forums[1].name: Keep this on 1 line. A name cannot '
                                        'have a line break.',),
 'newline in a name': ('data/areas.yml:11:11: areas[3].name: Keep this on 1 line. A name cannot have a line break.',),
 'no such day': ('data/feedback.yml:32:13: items[1].raised: There is no such day in the calendar. Enter a real date '
                 'like 2026-03-04.',),
 'no such time': ('data/meetings/2026-02-26-development-group.yml:5:8: start: There is no such time. Enter a time like '
                  '"18:30".',),
 'number for a name': ('data/areas.yml:11:11: areas[3].name: This must be text. Put it in quote marks, like "123".',),
 'number with 21 digits': ('data/feedback.yml:8:16: (file): This number is too big to be right (10000000000000000000). '
                           'Check it, or put it in quote marks if it is text.',),
 'number with an exponent': ('data/feedback.yml:8:16: (file): This number is too big to be right (1e400). Check it, or '
                             'put it in quote marks if it is text.',),
 'other-host link with no scheme': ('data/toolkits/01-evaluation-tool.yml:15:12: sections[1].intro: This link is not '
                                    'allowed: //evil.example/x. Links start with https:, mailto:, tel: or sms:, or '
                                    'point to a page of this site.',),
 'paper as a program': ('data/meetings/2026-02-26-development-group.yml:61:11: papers[1].file: We cannot publish a '
                        '.exe file as a paper. Use one of: .csv, .doc, .docx, .odt, .pdf, .pptx, .rtf, .txt, .xlsx.',),
 "paper in another meeting's folder": ('data/meetings/2026-02-26-development-group.yml:61:11: papers[1].file: Papers '
                                       'for this meeting go in its own folder: '
                                       'content/papers/2026-02-26-development-group/agenda.pdf. Move the file there '
                                       'and write that place.',),
 'paper path leaving content': ('data/meetings/2026-02-26-development-group.yml:61:11: papers[1].file: Write the '
                                "file's place inside content/, like papers/2026-02-26/agenda.pdf.",),
 'paper that is missing': ('data/meetings/2026-02-26-development-group.yml:61:11: papers[1].file: There is no file '
                           'content/papers/2026-02-26-development-group/minutes.pdf. Put the paper there, or check the '
                           'name.',),
 'phone breaking out of tel': ('data/site.yml:11:10: contact.phone: Enter a phone number with digits and spaces only, '
                               'like 01234 567890.',),
 'phone with letters': ('data/site.yml:11:10: contact.phone: Enter a phone number with digits and spaces only, like '
                        '01234 567890.',),
 'picture in a Markdown field': ('data/toolkits/01-evaluation-tool.yml:15:12: sections[1].intro: Write links like '
                                 '[words](https://example.org). Pictures and link lists are not allowed here.',),
 'plain str tag': ('data/areas.yml:11:11: (file): Delete the tag "!!str". Data files hold plain values only, with no '
                   'tags starting with !.',),
 'private name across a line break': ('content/index.md:6:5: (file): This names "adviser-1", who keeps their name '
                                      'private. Write their role instead, like "Expert by experience adviser".',),
 'private name in a content page': ('content/take-part.md:3:1: (file): This names "adviser-1", who keeps their name '
                                    'private. Write their role instead, like "Expert by experience adviser".',),
 'private name in a feedback answer': ('data/feedback.yml:38:13: items[1].response.text: This names "adviser-1", who '
                                       'keeps their name private. Write their role instead, like "Expert by experience '
                                       'adviser".',),
 "private name in a forum's joining text": ('data/forums.yml:25:20: forums[1].online.how_to_join: This names '
                                            '"adviser-1", who keeps their name private. Write their role instead, like '
                                            '"Expert by experience adviser".',),
 'private name in a glossary example': ('data/glossary.yml:9:14: terms[1].example: This names "adviser-1", who keeps '
                                        'their name private. Write their role instead, like "Expert by experience '
                                        'adviser".',),
 "private name in a person's id": ('data/people.yml:18:9: people[4].id: This id holds part of expert by experience '
                                   "adviser's name, who keeps it private. Use an id like adviser-3.",),
 "private name in a person's role": ('data/people.yml:20:11: people[4].role: This names "adviser-1", who keeps their '
                                     'name private. Write a role without their name.',),
 'private name in a toolkit': ('data/toolkits/01-evaluation-tool.yml:8:16: who_it_is_for: This names "adviser-3", who '
                               'keeps their name private. Write their role instead, like "Expert by experience '
                               'adviser".',),
 'private person called June named in a content page': ('content/index.md:6:1: (file): This names "adviser-9", who '
                                                        'keeps their name private. Write their role instead, like '
                                                        '"Expert by experience adviser".',),
 'python name tag': ('data/areas.yml:6:11: (file): Delete the tag "!!python/name:os.system". Data files hold plain '
                     'values only, with no tags starting with !.',),
 'python tag': ('data/site.yml:3:8: (file): Delete the tag "!!python/object/apply:os.system". Data files hold plain '
                'values only, with no tags starting with !.',),
 'raw control byte': ('data/forums.yml:18:24: (file): This line has a hidden control character (U+0001). Delete it and '
                      'type the text again.',),
 'right-to-left override in a name': ('data/areas.yml:11:11: areas[3].name: This text has a hidden character (U+202E) '
                                      'after "Surrey". Delete it and type the words again.',),
 'script in a content page': ('content/take-part.md:3:1: (file): Pages cannot hold "<script": it could run a program '
                              "in the reader's browser. Write links like [words](https://example.org), and delete the "
                              'HTML.',),
 'symlink content folder': ('content/papers/home:1:1: (file): This is a link to a file or folder outside the project, '
                            'so it would publish something that is not ours. Delete the link, and copy the real file '
                            'here if it should be on the site.',),
 'symlink content page': ('content/secret.md:1:1: (file): This is a link to a file or folder outside the project, so '
                          'it would publish something that is not ours. Delete the link, and copy the real file here '
                          'if it should be on the site.',),
 'symlink data file': ('data/areas.yml:1:1: (file): This is a link to a file outside the project, so it is not read. '
                       'Copy the real file here instead.',),
 'symlink in data/meetings': ('data/meetings/2026-12-24-development-group.yml:1:1: (file): This is a link to a file '
                              'outside the project, so it is not read. Copy the real file here instead.',),
 'symlink paper': ('content/papers/2026-02-26-development-group/agenda.pdf:1:1: (file): This is a link to a file or '
                   'folder outside the project, so it would publish something that is not ours. Delete the link, and '
                   'copy the real file here if it should be on the site.',
                   'data/meetings/2026-02-26-development-group.yml:61:11: papers[1].file: '
                   'content/papers/2026-02-26-development-group/agenda.pdf is a link to a file outside the project. '
                   'Copy the real file there instead.'),
 'tab indent': ('data/areas.yml:11:1: (file): The file layout is broken here (found a tab character that violates '
                'indentation). Check the indents, colons and quote marks.',),
 'text for a number': ('data/feedback.yml:35:12: items[1].votes: Enter a whole number here, like 3, without quote '
                       "marks (you wrote 'many').",),
 'the same id twice in a file': ('data/areas.yml:10:9: areas[3].id: The id "east-surrey" is already used on line 5. '
                                 'Give each one its own id.',),
 'the same meeting id in 2 files': ('data/meetings/2026-02-26-development-group.yml:3:1: id: The id '
                                    '"2026-05-28-development-group" is already used by '
                                    'data/meetings/2026-05-28-development-group.yml. Each file needs its own id: '
                                    'delete the id line to use the file name.',),
 'the same toolkit id in 2 files': ('data/toolkits/01-evaluation-tool.yml:5:1: id: The id "02-social-media" is already '
                                    'used by data/toolkits/02-social-media.yml. Each file needs its own id: delete the '
                                    'id line to use the file name.',),
 'title as a list': ('data/site.yml:3:8: title: This must be text, not a list or a group of fields.',),
 'two documents': ('data/areas.yml:17:1: (file): The file layout is broken here (but found another document). Check '
                   'the indents, colons and quote marks.',),
 'unclosed quote': ('data/site.yml:13:66: (file): The file layout is broken here (did not find expected key). Check '
                    'the indents, colons and quote marks.',),
 'unknown block marker': ('content/index.md:61:1: (file): There is no generated block called "forum-lists". Use one '
                          'of: accessibility-status, coming-meetings, contact, evaluation, feedback-form, forum-list, '
                          'news-signup, other-ways, paper-topics, post-address, travel-money, venue-access, '
                          'what-happens.',),
 'unknown toolkit section kind': ('data/toolkits/01-evaluation-tool.yml:13:11: sections[1].kind: Enter one of these '
                                  "kinds: 'checklist', 'steps', 'statements', 'features', 'matrix', 'workshop' (you "
                                  "wrote 'grid').",),
 'year 9999': ('data/meetings/2026-02-26-development-group.yml:4:7: date: Enter a year from 1900 to 2100, like '
               '2026-03-04.',),
 'yes as text for true': ('data/people.yml:17:16: people[3].show_name: Write true or false here, not "no".',),
 'yes for true': ('data/forums.yml:30:18: forums[1].venue.step_free: Write true or false here, not "yes".',)}
